// What identifies a person in free text besides their name: phone numbers, mail addresses,
// addresses and dates, even partial ones (a month and day, a day of "this month", an era year).
// Each pattern runs on text already folded by anonymity.ts: NFKC (full-width digits and
// letters are ASCII), no format characters, no spaces, lower case, every dash-like mark a '-'.
// Strict on purpose: a false alarm costs the sharer a rewording, a miss exposes the person to
// every ward. The lookaheads keep out what is not a date: durations (3日間, 2か月), frequencies
// (週3日, 1日2回) and counts (1-2回), and 年度, which the message itself suggests.

const KANJI_NUMBER = '[〇一二三四五六七八九十]'
const NUMBER = `(?:\\d{1,2}|${KANJI_NUMBER}{1,3})`
/** Words after a number + 月/日 that make it a length of time, not a date. */
const NOT_A_DAY = '(?!間|中|分|前|後|目|以上|以内|ほど|程度|おき|ごと|毎|ぶり|\\d*回)'
/** A counter after "1-2" or "1/2": a range of counts or a fraction, not a month and day. */
const COUNTER = '[回人名件時分歳才代かゕヶ箇個割%倍度点程]'

export const DATE_PATTERNS: readonly RegExp[] = [
  // 2021-08-31, 2021/8/31, 2021.8, 2021年 (a year alone dates an event too; 2021年度 does not)
  /(?<!\d)(?:1[89]|20)\d{2}(?:年(?!度|代|間|以上|ほど|程度|ぶり)|[-/.](?:0?[1-9]|1[0-2])(?!\d))/u,
  // 令和3年, 令和元年, 平成三十年 (not 令和3年度)
  new RegExp(`(?:令和|平成|昭和|大正|明治)(?:\\d{1,2}|元|${KANJI_NUMBER}{1,3})年(?!度|代|間)`, 'u'),
  // R3.11, H30/1/2, r3-8-31, R3年 (an era letter not inside a word)
  /(?<![a-z])[mtshr](?:\d{1,2}|元)(?:[-/.]\d{1,2}(?!\d)|年(?!度|代|間))/u,
  // 11月, 八月, 11月26日 (not 3か月, 1ヶ月, 2月間)
  new RegExp(`(?<![\\d.])${NUMBER}月(?!間|目|分|以上|以内|ほど|程度|おき|ごと|ぶり)`, 'u'),
  // 26日, 今月26日, 先月3日 (not 3日間, 週3日, 1日2回, 日曜日)
  new RegExp(`(?<![\\d.]|週|週に|月に|年に)\\d{1,2}日${NOT_A_DAY}`, 'u'),
  // 11-26, 11/26 (not 1-2回, 1/2程度, nor part of a longer number or date)
  new RegExp(`(?<![\\d\\-/.])(?:0?[1-9]|1[0-2])[-/](?:0?[1-9]|[12]\\d|3[01])(?![\\d\\-/.]|${COUNTER})`, 'u'),
]

/** A run of digits with the separators phone numbers are written with. */
const DIGIT_RUN = /\+?[\d(][\d\-().]*\d/gu
const PHONE_WORD = /(?:電話|でんわ|tel|携帯|けいたい|fax|ふぁっくす)[^\d]{0,6}(\+?[\d(][\d\-().]*\d)/u

/** 075-123-4567, (075)123-4567, 09012345678, +81-75-…; a shorter number after 電話/TEL/携帯. */
export function hasPhone(text: string): boolean {
  for (const [run] of text.matchAll(DIGIT_RUN)) {
    const digits = run.replace(/\D/gu, '')
    if (digits.length >= 10 && digits.length <= 13 && /^(?:0|81)/u.test(digits)) return true
  }
  const near = PHONE_WORD.exec(text)
  return near !== null && near[1]!.replace(/\D/gu, '').length >= 6
}

const MAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/u

export const hasMail = (text: string): boolean => MAIL.test(text)

export const ADDRESS_PATTERNS: readonly RegExp[] = [
  // 〒600-8001, or a postal code's shape alone
  /〒/u,
  /(?<![\d-])\d{3}-\d{4}(?![\d-])/u,
  // 3丁目, 三丁目, 12番地, 3番5号, 3番地の5, 203号室 (not 第2号被保険者)
  new RegExp(`${NUMBER}丁目|番地|\\d+番\\d|\\d+番の\\d|(?<!第)\\d+号(?:室|棟|館)`, 'u'),
  // 1-2-3 (丁目-番-号), not a date or phone number (checked before)
  /(?<![\d-])\d{1,4}-\d{1,4}-\d{1,4}(?![\d-])/u,
  // 〇〇区〇〇町, 北区紫野上門前町, 中京区河原町通; 寺戸町3
  /区[\p{sc=Han}々]{1,10}(?:町|通)|[\p{sc=Han}々]{2,}町\d/u,
]
