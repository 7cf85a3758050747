import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseInteger, parseLedgerDate, parseLedgerTime } from './values.ts'

const NOT_A_DATE = '日付として読み取れません（例：2021-08-31、R3.8.31、令和3年8月31日）'
const NOT_REAL = '実在しない日付です'
const OUTSIDE_ERA = '和暦の日付が元号の期間外です'

// What exceljs does with a date cell's serial (utils.excelToDate): UTC midnight of that day.
const excelDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000))

describe('parseLedgerDate', () => {
  it.each([
    ['2021-08-31', '2021-08-31'],
    ['2021/8/31', '2021-08-31'],
    ['2021/08/31', '2021-08-31'],
    ['2021.8.31', '2021-08-31'],
    ['2021/8/31 14:05', '2021-08-31'],
    ['2021年8月31日', '2021-08-31'],
    ['R3.8.31', '2021-08-31'],
    ['R3/8/31', '2021-08-31'],
    ['r3.8.31', '2021-08-31'],
    ['R03.08.31', '2021-08-31'],
    ['令和3年8月31日', '2021-08-31'],
    ['令和元年5月1日', '2019-05-01'],
    ['R1.5.1', '2019-05-01'],
    ['H31.4.1', '2019-04-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月1日', '2019-04-01'],
    ['平成元年1月8日', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['昭和64年1月7日', '1989-01-07'],
    ['S1.12.25', '1926-12-25'],
    ['T1.7.30', '1912-07-30'],
    ['M45.7.29', '1912-07-29'],
    ['２０２１－０８－３１', '2021-08-31'],
    ['Ｒ３．８．３１', '2021-08-31'],
    ['令和３年８月３１日', '2021-08-31'],
    ['㋿3年8月31日', '2021-08-31'],
    ['  2021-08-31  ', '2021-08-31'],
  ])('reads %s', (input, expected) => {
    expect(parseLedgerDate(input)).toEqual({ ok: true, value: expected })
  })

  it('reads blanks as no date', () => {
    expect(parseLedgerDate(null)).toEqual({ ok: true, value: null })
    expect(parseLedgerDate('')).toEqual({ ok: true, value: null })
    expect(parseLedgerDate('   ')).toEqual({ ok: true, value: null })
  })

  it.each(['2021-02-30', '2021/2/29', '令和3年2月29日', 'R3.13.1', '2021-04-31'])(
    'refuses %s as not real',
    (input) => {
      expect(parseLedgerDate(input)).toEqual({ ok: false, reason: NOT_REAL })
    },
  )

  it.each([
    '平成32年1月1日',
    'H31.5.1',
    '令和1年4月1日',
    'R1.4.30',
    'S64.1.8',
    '昭和65年1月1日',
    'H1.1.7',
    'R0.5.1',
    'T1.7.29',
    'M1.1.1',
  ])('refuses %s as outside its era', (input) => {
    expect(parseLedgerDate(input)).toEqual({ ok: false, reason: OUTSIDE_ERA })
  })

  it.each([
    'abc',
    '2021-08',
    '8/31',
    '31/8/2021',
    '20210831',
    'R3',
    'X3.8.31',
    '2021/8-31',
    '令和3年8月',
    '1850-01-01',
    '来週',
  ])('refuses %s without guessing', (input) => {
    expect(parseLedgerDate(input)).toEqual({ ok: false, reason: NOT_A_DATE })
  })

  it('never echoes the cell in its reason', () => {
    const result = parseLedgerDate('山田太郎')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).not.toContain('山田')
  })

  it('reads Excel serial numbers in the 1900 date system', () => {
    expect(parseLedgerDate(44439)).toEqual({ ok: true, value: '2021-08-31' })
    expect(parseLedgerDate(44439.75)).toEqual({ ok: true, value: '2021-08-31' })
    expect(parseLedgerDate(1)).toEqual({ ok: true, value: '1900-01-01' })
    expect(parseLedgerDate(59)).toEqual({ ok: true, value: '1900-02-28' })
    expect(parseLedgerDate(61)).toEqual({ ok: true, value: '1900-03-01' })
    expect(parseLedgerDate(60)).toEqual({ ok: false, reason: NOT_REAL })
    expect(parseLedgerDate(0)).toEqual({ ok: false, reason: NOT_A_DATE })
    expect(parseLedgerDate(-5)).toEqual({ ok: false, reason: NOT_A_DATE })
    expect(parseLedgerDate(Number.NaN)).toEqual({ ok: false, reason: NOT_A_DATE })
  })

  it('reads Date objects by their calendar day, as exceljs makes them', () => {
    expect(parseLedgerDate(excelDate(44439))).toEqual({ ok: true, value: '2021-08-31' })
    expect(parseLedgerDate(excelDate(44439.99))).toEqual({ ok: true, value: '2021-08-31' })
    expect(parseLedgerDate(new Date(Number.NaN))).toEqual({ ok: false, reason: NOT_A_DATE })
    expect(parseLedgerDate(true)).toEqual({ ok: false, reason: NOT_A_DATE })
    // A time-only cell (1899-12-30 14:05) in a date column is not a date.
    expect(parseLedgerDate(excelDate(0.5875))).toEqual({ ok: false, reason: NOT_A_DATE })
  })

  // The process's zone is fixed when it starts, so each zone gets its own child process.
  it.each(['America/New_York', 'Asia/Tokyo'])('keeps the calendar day under TZ=%s', (tz) => {
    const script = `
      import { parseLedgerDate, parseLedgerTime } from './shared/interchange/values.ts'
      const d = new Date(Math.round((44439 - 25569) * 86400000))
      const t = new Date(Math.round((0.5875 - 25569) * 86400000))
      console.log(JSON.stringify([parseLedgerDate(d), parseLedgerTime(t), new Date().getTimezoneOffset()]))`
    const out = execFileSync('node_modules/.bin/tsx', ['--eval', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    })
    const [date, time, offset] = JSON.parse(out.trim().split('\n').pop()!)
    expect(date).toEqual({ ok: true, value: '2021-08-31' })
    expect(time).toEqual({ ok: true, value: '14:06' })
    expect(offset).not.toBe(0) // the zone really was applied
  })
})

describe('parseLedgerTime', () => {
  const BAD = { ok: false, reason: '時刻は HH:MM で入力してください' }
  it.each([
    ['14:05', '14:05'],
    ['9:05', '09:05'],
    ['0:00', '00:00'],
    ['23:59', '23:59'],
    ['14:05:00', '14:05'],
    ['１４：０５', '14:05'],
  ])('reads %s', (input, expected) => {
    expect(parseLedgerTime(input)).toEqual({ ok: true, value: expected })
  })
  it('reads Excel time fractions and time cells', () => {
    expect(parseLedgerTime(0.5)).toEqual({ ok: true, value: '12:00' })
    expect(parseLedgerTime(14 / 24 + 5 / 1440)).toEqual({ ok: true, value: '14:05' })
    expect(parseLedgerTime(excelDate(14 / 24 + 5 / 1440))).toEqual({ ok: true, value: '14:05' })
  })
  it('reads blanks as no time', () => {
    expect(parseLedgerTime(null)).toEqual({ ok: true, value: null })
    expect(parseLedgerTime(' ')).toEqual({ ok: true, value: null })
  })
  it.each(['24:00', '12:60', '1405', '14時5分', 'noon', '14:5'])('refuses %s', (input) => {
    expect(parseLedgerTime(input)).toEqual(BAD)
  })
  it('refuses numbers that are not a time of day', () => {
    expect(parseLedgerTime(1.5)).toEqual(BAD)
    expect(parseLedgerTime(-0.1)).toEqual(BAD)
    expect(parseLedgerTime(0.9999999)).toEqual(BAD)
    expect(parseLedgerTime(false)).toEqual(BAD)
  })
})

describe('parseInteger', () => {
  it('reads integers from numbers and digit strings', () => {
    expect(parseInteger(42)).toEqual({ ok: true, value: 42 })
    expect(parseInteger('42')).toEqual({ ok: true, value: 42 })
    expect(parseInteger(' ４２ ')).toEqual({ ok: true, value: 42 })
    expect(parseInteger('-3')).toEqual({ ok: true, value: -3 })
    expect(parseInteger('')).toEqual({ ok: true, value: null })
    expect(parseInteger(null)).toEqual({ ok: true, value: null })
  })
  it.each([3.5, '3.5', '3歳', 'abc', '1,200', true, '99999999999999999999'])('refuses %s', (input) => {
    expect(parseInteger(input)).toEqual({ ok: false, reason: '整数で入力してください' })
  })
  it('checks the range', () => {
    expect(parseInteger(-1, { min: 0 })).toEqual({ ok: false, reason: '0以上で入力してください' })
    expect(parseInteger(151, { min: 0, max: 150 })).toEqual({
      ok: false,
      reason: '150以下で入力してください',
    })
    expect(parseInteger(0, { min: 0, max: 150 })).toEqual({ ok: true, value: 0 })
    expect(parseInteger(150, { min: 0, max: 150 })).toEqual({ ok: true, value: 150 })
  })
})
