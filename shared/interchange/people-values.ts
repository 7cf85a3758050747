// Cell parsers of the `people` sheet (docs/ledger-format.md): yes/no answers, ふりがな and phone
// numbers. Like values.ts they return results, and their reasons never repeat the cell: these
// columns are personal data.
import type { CodeList, PhoneLabel } from '../codes.ts'
import { PHONE_MESSAGES, parseLabelledPhone } from '../phone.ts'
import type { LedgerCell, Parsed } from './values.ts'
import { splitMulti } from './values.ts'

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

/** NFKC folds full-width letters, digits, '：', '－', '（）' and the ideographic space. */
const normalise = (text: string) => text.normalize('NFKC').trim()

// Words every yes/no column takes besides its own labels: what ledgers write in such columns.
const YES = new Set(['yes', 'はい', '可', '○', '〇', '◯'])
const NO = new Set(['no', 'いいえ', '不可', '×', '✕'])

/**
 * A yes/no cell as a boolean, null when blank: yes/no, はい/いいえ, 可/不可, ○/×, an Excel
 * TRUE/FALSE cell, or the column's own labels (同居/別居).
 */
export function parseYesNo(labels: CodeList<string>, cell: LedgerCell): Parsed<boolean | null> {
  if (cell === null) return ok(null)
  if (typeof cell === 'boolean') return ok(cell)
  const text = typeof cell === 'string' ? normalise(cell) : ''
  if (typeof cell === 'string' && text === '') return ok(null)
  const lower = text.toLowerCase()
  const own = labels.find((l) => l.label === text || l.code === lower)?.code
  if (own === 'yes' || YES.has(lower)) return ok(true)
  if (own === 'no' || NO.has(lower)) return ok(false)
  const words = labels.map((l) => l.label).join('・')
  return fail(`使用できない値です。使える値：${words}（yes・no、はい・いいえ、可・不可、○・× も可）`)
}

// Hiragana and katakana (half-width katakana become full-width under NFKC), the long vowel
// mark, the middle dot and spaces. Not zero-width characters: they hide in copied text.
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・ ]+$/u

/** ふりがな: hiragana or katakana, spaces allowed; stored NFKC with single spaces. */
export function parseKana(cell: LedgerCell): Parsed<string | null> {
  if (cell === null) return ok(null)
  if (typeof cell !== 'string') return fail(KANA_REASON)
  // Spaces only (the ideographic one is a space after NFKC): a line break is not a ふりがな.
  const text = normalise(cell).replace(/ +/gu, ' ')
  if (text === '') return ok(null)
  return KANA.test(text) ? ok(text) : fail(KANA_REASON)
}
const KANA_REASON = 'ふりがなはひらがなかカタカナで入力してください（空白は使えます）'

export interface LedgerPhone {
  label: PhoneLabel | null
  /** As typed, without its label. */
  number: string
  /** ASCII digits only. */
  digits: string
}

/**
 * Several phone numbers, separated like any multi-valued cell; each may start with a label
 * (自宅: 携帯: 勤務先:, or home: mobile: work:), read by the same parseLabelledPhone as the people
 * API. A number cell is refused: Excel has dropped its leading 0.
 */
export function parsePhones(cell: LedgerCell): Parsed<LedgerPhone[]> {
  if (cell === null) return ok([])
  if (typeof cell === 'number')
    return fail('数値のセルでは先頭の0が失われます。電話番号は文字列のセルに入力してください')
  if (typeof cell !== 'string') return fail(PHONE_MESSAGES.characters)
  const items = splitMulti(cell)
  const phones: LedgerPhone[] = []
  for (const [i, item] of items.entries()) {
    const phone = parseLabelledPhone(item)
    // Which of several is wrong, as the message may not quote it.
    if (!phone.ok) return fail(items.length > 1 ? `${i + 1}件目：${phone.message}` : phone.message)
    phones.push({ label: phone.label, number: phone.number, digits: phone.digits })
  }
  return ok(phones)
}
