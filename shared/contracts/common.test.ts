import { describe, expect, it } from 'vitest'
import { DATE_REASONS } from '../typed-dates.ts'
import {
  dateInput,
  INVALID_DATE_MESSAGE,
  optionalDateInput,
  optionalText,
  optionalTimeInput,
  requiredText,
  TEXT_MESSAGES,
  textInput,
  timeInput,
} from './common.ts'

describe('optionalDateInput', () => {
  it('treats empty, blank, null and missing as not given', () => {
    for (const v of ['', '  ', null, undefined]) expect(optionalDateInput.parse(v)).toBeNull()
  })

  it('normalises a 西暦 date to ISO', () => {
    expect(optionalDateInput.parse('2021/8/31')).toBe('2021-08-31')
    expect(optionalDateInput.parse(' 2021-08-31 ')).toBe('2021-08-31')
  })

  it('refuses an impossible date with the one Japanese wording, not a generic message', () => {
    const result = optionalDateInput.safeParse('2021-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual([INVALID_DATE_MESSAGE])
  })
})

describe('dateInput (和暦 as staff type it)', () => {
  it.each([
    ['令和8年12月1日', '2026-12-01'],
    ['R8.12.1', '2026-12-01'],
    ['R8/12/1', '2026-12-01'],
    ['ｒ８．１２．１', '2026-12-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['2026/12/1', '2026-12-01'],
  ])('normalises %s to ISO, required or optional', (text, iso) => {
    expect(dateInput.parse(text)).toBe(iso)
    expect(optionalDateInput.parse(text)).toBe(iso)
  })

  it('refuses a day that never was with the one wording, and a date outside its era by saying so', () => {
    const messages = (v: string) => dateInput.safeParse(v).error?.issues.map((i) => i.message)
    expect(messages('R8.2.30')).toEqual([INVALID_DATE_MESSAGE])
    expect(messages('平成31年5月1日')).toEqual([DATE_REASONS.outsideEra])
    expect(messages('')).toEqual(['日付を入力してください'])
  })
})

describe('optionalTimeInput', () => {
  it('treats empty, blank, null and missing as not given; pads the hour', () => {
    for (const v of ['', '  ', null, undefined]) expect(optionalTimeInput.parse(v)).toBeNull()
    expect(optionalTimeInput.parse(' 9:05 ')).toBe('09:05')
    expect(optionalTimeInput.parse('23:59')).toBe('23:59')
  })

  it('reads full-width digits and colon as an IME types them', () => {
    expect(optionalTimeInput.parse('１４：００')).toBe('14:00')
    expect(optionalTimeInput.parse('９:０５')).toBe('09:05')
    expect(timeInput.parse(' １４：０５ ')).toBe('14:05')
    expect(timeInput.safeParse('２５：００').success).toBe(false)
  })

  it('refuses a time that is not HH:MM with the time wording, and bad characters with their own', () => {
    const message = (v: unknown) => optionalTimeInput.safeParse(v).error?.issues.map((i) => i.message)
    for (const bad of ['25:00', '12:60', '１２：６０', 'noon', 1205]) {
      expect(message(bad), String(bad)).toEqual(['時刻は「14:05」のように24時間制で入力してください'])
    }
    expect(message('12\u0000:00')).toEqual([TEXT_MESSAGES.control])
    expect(message('12:\uD800')).toEqual([TEXT_MESSAGES.surrogate])
  })
})

describe('textInput, optionalText and requiredText (the shared text schema)', () => {
  const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.success ? [] : result.error!.issues.map((i) => i.message)

  it('refuses NUL and the other C0 controls and DEL, with one Japanese message', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f']) {
      expect(messages(requiredText(100, '氏名').safeParse(`山${c}田`))).toEqual([TEXT_MESSAGES.control])
      expect(messages(optionalText(100, { multiline: true }).safeParse(`山${c}田`))).toEqual([
        TEXT_MESSAGES.control,
      ])
    }
  })

  it('refuses high and low surrogate halves, keeps proper pairs', () => {
    for (const v of ['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\udc00\ud800']) {
      expect(messages(textInput().safeParse(v))).toEqual([TEXT_MESSAGES.surrogate])
    }
    expect(textInput().parse('𠮷野家😀')).toBe('𠮷野家😀')
  })

  it('takes tab and line breaks in multi-line text only; trims them at the ends of either', () => {
    expect(optionalText(100, { multiline: true }).parse('一\n\t二\r\n三')).toBe('一\n\t二\r\n三')
    expect(messages(optionalText(100).safeParse('一\n二'))).toEqual([TEXT_MESSAGES.lineBreak])
    expect(messages(requiredText(100, '名称').safeParse('一\t二'))).toEqual([TEXT_MESSAGES.lineBreak])
    expect(requiredText(100, '名称').parse(' 一二\n')).toBe('一二')
  })

  it('treats zero-width and full-width characters as ordinary text', () => {
    expect(requiredText(100, '氏名').parse('池\u200b田\u200d恵')).toBe('池\u200b田\u200d恵')
    expect(requiredText(100, '氏名').parse('ＡＢＣ　１２３')).toBe('ＡＢＣ　１２３')
  })

  it('reports a bad character alone, not also the length it exceeds', () => {
    expect(messages(requiredText(3, '氏名').safeParse('\u0000'.repeat(10)))).toEqual([TEXT_MESSAGES.control])
  })
})
