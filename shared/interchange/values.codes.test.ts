// values.ts, continued: multi-valued cells, coded values, wards and fiscal years.
import { describe, expect, it } from 'vitest'
import { CONCERNS, FIRST_CONSULTERS } from '../codes.ts'
import { parseCode, parseCodes, parseFiscalYear, parseWardCell, splitMulti } from './values.ts'

describe('splitMulti', () => {
  it('splits on ;, ； and line breaks, trimming and dropping empties', () => {
    expect(splitMulti('a;b；c\nd\r\ne')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(splitMulti(' a ; ;\n\n b ')).toEqual(['a', 'b'])
    expect(splitMulti(null)).toEqual([])
    expect(splitMulti('')).toEqual([])
    expect(splitMulti(3)).toEqual(['3'])
  })
  it('never splits on 、 or ,', () => {
    expect(splitMulti('家族・親族、関係機関,その他')).toEqual(['家族・親族、関係機関,その他'])
  })
})

describe('parseCode', () => {
  it('accepts the code in any case or the Japanese label', () => {
    expect(parseCode(FIRST_CONSULTERS, 'family')).toEqual({ ok: true, value: 'family' })
    expect(parseCode(FIRST_CONSULTERS, ' FAMILY ')).toEqual({ ok: true, value: 'family' })
    expect(parseCode(FIRST_CONSULTERS, '家族・親族')).toEqual({ ok: true, value: 'family' })
    expect(parseCode(FIRST_CONSULTERS, ' 本人 ')).toEqual({ ok: true, value: 'self' })
    expect(parseCode(FIRST_CONSULTERS, 'ｓｅｌｆ')).toEqual({ ok: true, value: 'self' })
    expect(parseCode(FIRST_CONSULTERS, '')).toEqual({ ok: true, value: null })
    expect(parseCode(FIRST_CONSULTERS, null)).toEqual({ ok: true, value: null })
  })
  it('names the unknown value and the values allowed', () => {
    expect(parseCode(FIRST_CONSULTERS, '友人')).toEqual({
      ok: false,
      reason: '「友人」は使用できない値です。使える値：本人、家族・親族、関係機関、その他',
    })
  })
  it('does not accept a label that only resembles one', () => {
    expect(parseCode(FIRST_CONSULTERS, '家族').ok).toBe(false)
  })
  it('echoes at most a short prefix of what was typed', () => {
    const result = parseCode(FIRST_CONSULTERS, 'あ'.repeat(40))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(`「${'あ'.repeat(20)}…」`)
  })
})

describe('parseCodes', () => {
  it('reads several values, in order, without repeats', () => {
    expect(parseCodes(CONCERNS, 'work;医療受診\n就労')).toEqual({ ok: true, value: ['work', 'medical'] })
    expect(parseCodes(CONCERNS, null)).toEqual({ ok: true, value: [] })
  })
  it('reports every unknown value', () => {
    const result = parseCodes(CONCERNS, '就労；趣味;games')
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.reason).toMatch(/^「趣味」「games」は使用できない値です。使える値：経済的困窮、/)
  })
  it('quotes at most five unknown values of a cell and counts the rest', () => {
    const result = parseCodes(CONCERNS, Array.from({ length: 100_000 }, (_, i) => `x${i}`).join(';'))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.reason).toMatch(/^「x0」「x1」「x2」「x3」「x4」ほか99995件は使用できない値です。/)
      expect(result.reason.length).toBeLessThan(300)
    }
  })
})

describe('parseWardCell', () => {
  it('reads a ward by name or code', () => {
    expect(parseWardCell('北区')).toEqual({ ok: true, value: 'kita' })
    expect(parseWardCell('KITA')).toEqual({ ok: true, value: 'kita' })
    expect(parseWardCell('深草支所')).toEqual({ ok: true, value: 'fukakusa' })
    expect(parseWardCell('')).toEqual({ ok: true, value: null })
    expect(parseWardCell(null)).toEqual({ ok: true, value: null })
  })
  it.each(['南北区', 'tokyo', 3])('refuses %s', (input) => {
    expect(parseWardCell(input)).toEqual({ ok: false, reason: '区の名前またはコードとして読み取れません' })
  })
})

describe('parseFiscalYear', () => {
  it.each([
    [2021, 2021],
    ['2021', 2021],
    ['2021年度', 2021],
    ['令和3年度', 2021],
    ['R3', 2021],
    ['r3年度', 2021],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['H31', 2019],
    ['平成元年度', 1989],
    ['令和３年度', 2021],
  ])('reads %s', (input, expected) => {
    expect(parseFiscalYear(input)).toEqual({ ok: true, value: expected })
  })
  it('reads blanks as no year', () => {
    expect(parseFiscalYear('')).toEqual({ ok: true, value: null })
    expect(parseFiscalYear(null)).toEqual({ ok: true, value: null })
  })
  it.each(['平成32年度', 'R0', '昭和65年度'])('refuses %s as outside its era', (input) => {
    expect(parseFiscalYear(input)).toEqual({ ok: false, reason: '和暦の日付が元号の期間外です' })
  })
  it.each(['21', '令和3年', 'FY2021', 2021.5, '3年度'])('refuses %s', (input) => {
    expect(parseFiscalYear(input)).toEqual({
      ok: false,
      reason: '年度として読み取れません（例：2021、令和3年度）',
    })
  })
})
