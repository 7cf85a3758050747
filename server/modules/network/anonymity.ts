import { normaliseKana } from '#server/modules/cases/index.ts'
import { ADDRESS_PATTERNS, DATE_PATTERNS, hasMail, hasPhone } from './identifying-patterns.ts'

/**
 * What a shared summary must not contain (domain: a case reaches a case-study meeting only as an
 * anonymised summary). The check is deliberately strict: a false alarm costs the sharer a
 * rewording, a miss exposes the person to every ward.
 */
export type Identifying = 'name' | 'household' | 'caseNo' | 'mail' | 'phone' | 'address' | 'date'

// Each message names what was found, never the text itself: it may be personal data.
export const IDENTIFYING_MESSAGES: Record<Identifying, string> = {
  name: '本人の氏名またはふりがなが含まれています。「Aさん」「本人」などに置き換えてください',
  household: '相談者・世帯員の氏名またはふりがなが含まれています。「母」「家族」などに置き換えてください',
  caseNo: 'ケース番号が含まれています。ケース番号は書かずに共有してください',
  mail: 'メールアドレスが含まれています。連絡先は書かずに共有してください',
  phone: '電話番号が含まれています。連絡先は書かずに共有してください',
  address: '住所または郵便番号が含まれています。「市内」「北区内」などの表現にしてください',
  date: '日付が含まれています（年・月・日の一部だけのものも含みます）。「令和3年度」「昨年の夏ごろ」などの表現にしてください',
}

export interface PersonFacts {
  name: string | null
  kana: string | null
  caseNo: string
  /** The consulters and household members around the person (相談者・世帯員): named no more than they. */
  household?: readonly { name: string | null; kana: string | null }[]
}

/**
 * Characters that show nothing or join others: zero-width spaces and joiners, the BOM, soft
 * hyphens, bidi marks (category Cf), variation selectors and the like, and control characters.
 * Written inside a name (池\u200b田) they hide it from a plain search while the reader still
 * sees 池田.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]/gu
/** Hyphens, dashes, minus signs and the long-vowel mark people type between digits. */
const DASHES = /[\u2010-\u2015\u2043\u2212\u30fc\ufe58\ufe63\uff0d\uff70]/gu
/** Punctuation and symbols someone may put inside a name (池・田, 池-田, 池.田). */
const NAME_NOISE = /[\p{P}\p{S}]/gu

/**
 * One form of the text for every check: NFKC (full-width letters and digits, half-width kana),
 * format characters removed, katakana as hiragana, no spaces, lower case.
 */
function fold(text: string): string {
  const visible = text.replace(INVISIBLE, '').normalize('NFKC').replace(INVISIBLE, '')
  return normaliseKana(visible).toLowerCase()
}

/** For names: also without punctuation, so that nothing put between the characters hides them. */
const compact = (folded: string) => folded.replace(NAME_NOISE, '')
/** For numbers and dates: every dash-like mark as '-'. */
const numeric = (folded: string) => folded.replace(DASHES, '-')

/**
 * The pieces of a name that identify the person: the whole name and kana, and each part of
 * them (family name, given name) long enough not to be an ordinary word.
 */
function nameTokens(person: Pick<PersonFacts, 'name' | 'kana'>): string[] {
  const tokens: string[] = []
  const add = (value: string | null, minPart: number) => {
    if (!value) return
    const whole = compact(fold(value))
    if (whole.length >= 2) tokens.push(whole)
    const parts = value
      .replace(INVISIBLE, '')
      .normalize('NFKC')
      .split(/[\s\u3000・･]+/u)
    for (const part of parts) {
      const folded = compact(fold(part))
      if (folded.length >= minPart) tokens.push(folded)
    }
  }
  add(person.name, 2)
  add(person.kana, 3)
  return [...new Set(tokens)]
}

/** The first identifying thing found in a text written for sharing, or null when none. */
export function findIdentifying(text: string, person: PersonFacts): Identifying | null {
  const folded = fold(text)
  const names = compact(folded)
  if (nameTokens(person).some((t) => names.includes(t))) return 'name'
  if (person.household?.some((p) => nameTokens(p).some((t) => names.includes(t)))) return 'household'
  const digits = numeric(folded)
  const caseNo = numeric(fold(person.caseNo))
  if (caseNo && digits.includes(caseNo)) return 'caseNo'
  if (hasMail(digits)) return 'mail'
  if (hasPhone(digits)) return 'phone'
  if (DATE_PATTERNS.some((p) => p.test(digits))) return 'date'
  if (ADDRESS_PATTERNS.some((p) => p.test(digits))) return 'address'
  return null
}
