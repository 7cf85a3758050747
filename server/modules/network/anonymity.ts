import { normaliseKana } from '../cases/similar-person.ts'

/**
 * What a shared summary must not contain (domain: a case reaches a case-study meeting only as an
 * anonymised summary). The check is deliberately strict: a false alarm costs the sharer a
 * rewording, a miss exposes the person to every ward.
 */
export type Identifying = 'name' | 'caseNo' | 'date'

export const IDENTIFYING_MESSAGES: Record<Identifying, string> = {
  name: '本人の氏名またはふりがなが含まれています。「Aさん」「本人」などに置き換えてください',
  caseNo: 'ケース番号が含まれています。ケース番号は書かずに共有してください',
  date: '年月日が分かる日付が含まれています。「令和3年度」「昨年の夏ごろ」などの表現にしてください',
}

export interface PersonFacts {
  name: string | null
  kana: string | null
  caseNo: string
}

/** Full-width letters and digits, half-width kana and spaces folded; katakana as hiragana. */
function fold(text: string): string {
  return normaliseKana(text.normalize('NFKC')).toLowerCase()
}

/**
 * The pieces of a name that identify the person: the whole name and kana, and each part of
 * them (family name, given name) long enough not to be an ordinary word.
 */
function nameTokens(person: PersonFacts): string[] {
  const tokens: string[] = []
  const add = (value: string | null, minPart: number) => {
    if (!value) return
    const whole = fold(value)
    if (whole.length >= 2) tokens.push(whole)
    for (const part of value.normalize('NFKC').split(/[\s\u3000・]+/u)) {
      const folded = fold(part)
      if (folded.length >= minPart) tokens.push(folded)
    }
  }
  add(person.name, 2)
  add(person.kana, 3)
  return [...new Set(tokens)]
}

const KANJI_NUMBER = '[〇一二三四五六七八九十]'
const DATE_PATTERNS: RegExp[] = [
  // 2021-08-31, 2021/8/31, 2021.8.31, 2021年8月31日
  /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)/u,
  // 令和3年8月31日, 令和元年8月31日, R3.8.31, H30/1/2
  /(令和|平成|昭和|[rhs])\s*(\d{1,2}|元)\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)/u,
  // 8月31日, 8月 31日
  /\d{1,2}\s*月\s*\d{1,2}\s*日/u,
  // 八月三十一日
  new RegExp(`${KANJI_NUMBER}+\\s*月\\s*${KANJI_NUMBER}+\\s*日`, 'u'),
  // 8/31 (a month and a day; a year before it is caught above)
  /(?<![\d/])(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?![\d/])/u,
]

/** The first identifying thing found in a text written for sharing, or null when none. */
export function findIdentifying(text: string, person: PersonFacts): Identifying | null {
  const folded = fold(text)
  if (nameTokens(person).some((t) => folded.includes(t))) return 'name'
  if (folded.includes(fold(person.caseNo))) return 'caseNo'
  if (DATE_PATTERNS.some((p) => p.test(folded))) return 'date'
  return null
}
