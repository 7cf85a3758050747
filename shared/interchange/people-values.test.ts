import { describe, expect, it } from 'vitest'
import { parseKana, parsePhones, parseYesNo } from './people-values.ts'
import { sheetDef } from './sheets.ts'

const column = (key: string) => sheetDef('people').columns.find((c) => c.key === key)!
const yesNo = (cell: Parameters<typeof parseYesNo>[1]) => parseYesNo(column('consulter').codes!, cell)
const livesWith = (cell: Parameters<typeof parseYesNo>[1]) => parseYesNo(column('lives_with').codes!, cell)

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['YES', true],
    ['ｙｅｓ', true],
    ['はい', true],
    ['可', true],
    ['○', true],
    ['〇', true],
    [' はい ', true],
    ['no', false],
    ['No', false],
    ['いいえ', false],
    ['不可', false],
    ['×', false],
    [true, true],
    [false, false],
    ['', null],
    ['\u3000', null],
    [null, null],
  ] as const)('%j → %j', (cell, value) => {
    expect(yesNo(cell)).toEqual({ ok: true, value })
  })

  it('takes the column’s own labels (同居/別居) besides the common words', () => {
    expect(livesWith('同居')).toEqual({ ok: true, value: true })
    expect(livesWith('別居')).toEqual({ ok: true, value: false })
    expect(livesWith('はい')).toEqual({ ok: true, value: true })
    expect(yesNo('同居')).toMatchObject({ ok: false })
  })

  it.each(['maybe', '同じ', '1', 'は\u200bい', 'は い', '\u0000', '\ud800'])(
    'refuses %j without repeating it',
    (cell) => {
      const result = yesNo(cell)
      expect(result).toMatchObject({ ok: false })
      if (!result.ok) {
        expect(result.reason).toContain('使える値：はい・いいえ')
        expect(result.reason).not.toContain(cell)
      }
    },
  )

  it('refuses a number or a date cell', () => {
    expect(yesNo(1)).toMatchObject({ ok: false })
    expect(yesNo(new Date())).toMatchObject({ ok: false })
  })
})

describe('parseKana', () => {
  it.each([
    ['やまだ はなこ', 'やまだ はなこ'],
    ['ヤマダ ハナコ', 'ヤマダ ハナコ'],
    ['ﾔﾏﾀﾞ ﾊﾅｺ', 'ヤマダ ハナコ'],
    ['やまだ\u3000はなこ', 'やまだ はなこ'],
    ['  さとう   けんいち ', 'さとう けんいち'],
    ['コーヒー・タロウ', 'コーヒー・タロウ'],
    ['ゐゑヰヱ', 'ゐゑヰヱ'],
    ['', null],
    [null, null],
  ] as const)('%j → %j', (cell, value) => {
    expect(parseKana(cell)).toEqual({ ok: true, value })
  })

  it.each([
    'yamada',
    '山田 はなこ',
    'やまだ\u200bはなこ',
    'やまだ\u0000',
    'やまだ\ud800',
    'やまだ１',
    'やまだ\nはなこ',
  ])('refuses %j without repeating it', (cell) => {
    const result = parseKana(cell)
    expect(result).toEqual({
      ok: false,
      reason: 'ふりがなはひらがなかカタカナで入力してください（空白は使えます）',
    })
  })

  it('refuses a number cell', () => {
    expect(parseKana(12)).toMatchObject({ ok: false })
  })
})

describe('parsePhones', () => {
  it('reads several numbers with labels in either language and any width, keeping each as typed', () => {
    const cell =
      '自宅:075-123-4567;携帯：０９０（１２３４）５６７８\nwork: (075) 222 3333；home:075ー111ー2222;0120-000-111'
    expect(parsePhones(cell)).toEqual({
      ok: true,
      value: [
        { label: 'home', number: '075-123-4567', digits: '0751234567' },
        { label: 'mobile', number: '０９０（１２３４）５６７８', digits: '09012345678' },
        { label: 'work', number: '(075) 222 3333', digits: '0752223333' },
        { label: 'home', number: '075ー111ー2222', digits: '0751112222' },
        { label: null, number: '0120-000-111', digits: '0120000111' },
      ],
    })
  })

  it('takes 勤務先 and MOBILE, full-width hyphens and spaces', () => {
    expect(parsePhones('勤務先：075－000－1111;MOBILE:090 1234 5678;075\u3000123\u30004567')).toEqual({
      ok: true,
      value: [
        { label: 'work', number: '075－000－1111', digits: '0750001111' },
        { label: 'mobile', number: '090 1234 5678', digits: '09012345678' },
        { label: null, number: '075\u3000123\u30004567', digits: '0751234567' },
      ],
    })
  })

  it('reads a blank cell as no numbers', () => {
    expect(parsePhones(null)).toEqual({ ok: true, value: [] })
    expect(parsePhones(' ; ')).toEqual({ ok: true, value: [] })
  })

  const CHARACTERS = '電話番号には数字・ハイフン・空白・括弧のみ使えます'
  const LENGTH = '電話番号は6〜15桁の数字で入力してください'
  it.each([
    ['abc', CHARACTERS],
    ['075-123-4567 内線12', CHARACTERS],
    ['075\u200b1234567', CHARACTERS],
    ['075\u00001234567', CHARACTERS],
    ['075\ud8001234567', CHARACTERS],
    ['=1+1', CHARACTERS],
    ['+81 75 123 4567', CHARACTERS],
    ['実家:075-123-4567', CHARACTERS],
    ['12345', LENGTH],
    ['0'.repeat(16), LENGTH],
    ['自宅:', LENGTH],
    ['075-123-4567;母:090-1234-5678', `2件目：${CHARACTERS}`],
    ['075-123-4567;090-12', `2件目：${LENGTH}`],
  ])('refuses %j without repeating it', (cell, reason) => {
    expect(parsePhones(cell)).toEqual({ ok: false, reason })
  })

  it('refuses a number cell, whose leading 0 Excel has dropped', () => {
    expect(parsePhones(751234567)).toEqual({
      ok: false,
      reason: '数値のセルでは先頭の0が失われます。電話番号は文字列のセルに入力してください',
    })
  })
})
