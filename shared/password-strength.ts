import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'
import * as en from '@zxcvbn-ts/language-en'
import * as ja from '@zxcvbn-ts/language-ja'

/**
 * How strong a new password must be: zxcvbn's score 3 of 4 ("safely unguessable" against an
 * offline attack on a slow hash), estimated with the common-password, English and Japanese
 * (romaji names and words) dictionaries and the person's own login ID and name. It refuses
 * repeats (`aaaaaaaaaaaa`, twelve spaces), keyboard rows, common passwords and their variants
 * (`password1234`) and the login ID or name plus digits or symbols, and accepts passphrases.
 *
 * Both sides use it: the server decides (every place a password is set), the web page shows the
 * same verdict while the person types. The dictionaries are large, so the web page loads this
 * module only on the password page.
 */
export const PASSWORD_MIN_SCORE = 3

/** Only the first characters are estimated: the estimate's cost grows fast with length. */
const CHECKED_LENGTH = 64

/** Words anyone who knows the product or the city would try first. */
const PRODUCT_WORDS = ['yorisoi', 'よりそい', '寄り添い', 'hikikomori', 'ひきこもり']

let factory: ZxcvbnFactory | undefined
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: ja.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary, ...ja.dictionary },
    maxLength: CHECKED_LENGTH,
  })
  return factory
}

export interface PasswordVerdict {
  ok: boolean
  /** 0 (guessable in moments) to 4 (very strong). */
  score: number
  /** Japanese: why it is weak and how to make it stronger; empty when there is nothing to say. */
  feedback: string[]
}

/** The person's own words: the login ID and name, whole and in parts (姓 and 名, a.b in login IDs). */
function personalWords(inputs: (string | null | undefined)[]): string[] {
  const words = new Set<string>(PRODUCT_WORDS)
  for (const input of inputs) {
    const text = input?.trim().toLowerCase()
    if (!text) continue
    words.add(text)
    words.add(text.replace(/[\s　._-]+/g, ''))
    for (const part of text.split(/[\s　._-]+/)) if (part.length >= 2) words.add(part)
  }
  return [...words]
}

/**
 * The estimator undercounts some passwords built from the person's own words (`sato-hanako-1990`
 * scores 4 because it reads `sato-` as random characters), so this rule comes first: once the
 * personal words are taken out, fewer than four letters may not remain.
 */
function onlyPersonalWords(password: string, words: string[]): boolean {
  let rest = password.toLowerCase()
  const found = words
    // Two kanji or kana are a name (佐藤); two Latin letters are too common to count.
    .filter((w) => w.length >= (/^[ -~]*$/.test(w) ? 3 : 2))
    .sort((a, b) => b.length - a.length)
    .filter((w) => rest.includes(w))
  if (!found.length) return false
  for (const word of found) rest = rest.replaceAll(word, '')
  return rest.replace(/[^\p{L}]/gu, '').length < 4
}

const PERSONAL =
  'ログインIDや氏名などの個人情報に、数字や記号を足しただけのパスワードは推測されやすくなります'

export function judgePassword(password: string, userInputs: (string | null | undefined)[]): PasswordVerdict {
  const words = personalWords(userInputs)
  if (onlyPersonalWords(password, words)) return { ok: false, score: 0, feedback: [PERSONAL] }
  const result = zxcvbn().check(password, words)
  const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((s): s is string => !!s)
  return { ok: result.score >= PASSWORD_MIN_SCORE, score: result.score, feedback }
}

/** The field message for a refused password: the reason first, then the checker's advice. */
export function weakPasswordMessage(verdict: PasswordVerdict): string {
  const advice = verdict.feedback.length ? `（${verdict.feedback.join('。')}）` : ''
  return `このパスワードは推測されやすいため使えません${advice}。単語をいくつか組み合わせた長い文（パスフレーズ）にしてください`
}
