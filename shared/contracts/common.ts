import { z } from 'zod'
import { type CodeList, codesOf } from '../codes.ts'
import { isIsoDate } from '../dates.ts'
import { DATE_REASONS, parseDateText } from '../typed-dates.ts'

export const uuid = z.uuid({ error: '識別子の形式が正しくありません' })
export const idParams = z.object({ id: uuid })

/**
 * Characters no text may hold. PostgreSQL cannot store NUL, and a lone surrogate half (which
 * JSON's \uD800 escape can carry) is not a character: both used to surface as 500s deep in the
 * database. Other C0 controls are invisible garbage in a record. Multi-line text keeps tab,
 * line feed and carriage return; single-line text refuses those too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LINE_BREAK_OR_TAB = /[\t\n\r]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The field messages for refused characters, on the server and in forms. */
export const TEXT_MESSAGES = {
  control: '制御文字（NUL など）は使えません',
  lineBreak: 'この項目には改行やタブは使えません',
  surrogate: '壊れた文字（対になっていないサロゲート）は使えません',
} as const

export interface TextOptions {
  /** Tab and line breaks allowed (text typed into a textarea). */
  multiline?: boolean
  /** The message when the value is missing or not a string. */
  error?: string
  /** One message for any refused character instead of the specific ones (a token is right or not). */
  invalid?: string
}

/**
 * The one string schema for text coming in (bodies, query strings, path parameters): every
 * contract's input string is this or built on it, so bad bytes are a 400 with a field message,
 * never a 500. Zero-width and full-width characters are ordinary text here; rules that care
 * (the anonymised summaries' name filter) normalise for themselves.
 */
export function textInput(options: TextOptions = {}) {
  const base = options.error ? z.string({ error: options.error }) : z.string()
  const say = (message: string) => ({ error: options.invalid ?? message, abort: true })
  const checked = base
    .refine((v) => !CONTROL.test(v), say(TEXT_MESSAGES.control))
    .refine((v) => !LONE_SURROGATE.test(v), say(TEXT_MESSAGES.surrogate))
  return options.multiline
    ? checked
    : checked.refine((v) => !LINE_BREAK_OR_TAB.test(v.trim()), say(TEXT_MESSAGES.lineBreak))
}

/** The one wording for text that is not a real date, on the server and in forms. */
export const INVALID_DATE_MESSAGE =
  '日付は「2021/8/31」「R3.8.31」「令和3年8月31日」のように、実在する年月日を入力してください'

/**
 * Typed text as an ISO date, or the field message: the same reading as the importer's and the
 * forms' (shared/typed-dates.ts), so a form posting 「R8.12.1」 works without the client parsing.
 * A 和暦 date outside its era (平成31年5月1日) says so; anything else gets the one wording.
 */
export function dateOrMessage(text: string): { date: string } | { message: string } {
  const reading = parseDateText(text)
  if (reading.ok) return { date: reading.value }
  return { message: reading.reason === DATE_REASONS.outsideEra ? reading.reason : INVALID_DATE_MESSAGE }
}

/** A date typed by a person, 西暦 or 和暦 (2021-08-31, 2021/8/31, R3.8.31, 令和3年8月31日), as ISO. */
export const dateInput = textInput({ error: '日付を入力してください' })
  .trim()
  .min(1, { error: '日付を入力してください' })
  .transform((value, ctx) => {
    const read = dateOrMessage(value)
    if ('message' in read) {
      ctx.addIssue({ code: 'custom', message: read.message })
      return z.NEVER
    }
    return read.date
  })

/** Same as dateInput, but an empty string or null means "not given". */
// Not a union with dateInput: a union reports its own generic message instead of ours.
export const optionalDateInput = textInput({ error: INVALID_DATE_MESSAGE })
  .nullable()
  .optional()
  .transform((value, ctx) => {
    const text = value?.trim()
    if (!text) return null
    const read = dateOrMessage(text)
    if ('message' in read) {
      ctx.addIssue({ code: 'custom', message: read.message })
      return z.NEVER
    }
    return read.date
  })

/** An ISO date as the API returns it. */
export const isoDate = z.string().refine(isIsoDate, { error: '日付の形式が正しくありません' })

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/
const TIME_MESSAGE = '時刻は「14:05」のように24時間制で入力してください'

/**
 * A typed time as HH:MM, or null when it is not one. Full-width digits and colon (１４：００, as an
 * IME in 全角 mode types them) read as their ASCII forms, as typed dates already do.
 */
export function readTime(typed: string): string | null {
  const text = typed.normalize('NFKC').trim()
  return TIME.test(text) ? text.padStart(5, '0') : null
}

export const timeInput = textInput()
  .trim()
  .refine((t) => readTime(t) !== null, { error: TIME_MESSAGE })
  .transform((t) => readTime(t) ?? t)

/**
 * Same as timeInput, but an empty string or null means "not given" (→ null). Not a union with
 * timeInput, for the same reason as optionalDateInput: NUL or a broken character gets its own message.
 */
export const optionalTimeInput = textInput({ error: TIME_MESSAGE })
  .nullable()
  .optional()
  .transform((value, ctx) => {
    const text = value?.trim()
    if (!text) return null
    const time = readTime(text)
    if (time === null) {
      ctx.addIssue({ code: 'custom', message: TIME_MESSAGE })
      return z.NEVER
    }
    return time
  })

/** A required choice from a code list, with a Japanese message naming what is missing. */
export function codeOf<C extends string>(list: CodeList<C>, what: string) {
  return z.enum(codesOf(list), { error: `${what}を選択してください` })
}

/** Free text: trimmed, empty → null. */
export function optionalText(max: number, options: Pick<TextOptions, 'multiline'> = {}) {
  return textInput(options)
    .trim()
    .max(max, { error: `${max}文字以内で入力してください` })
    .nullish()
    .transform((v) => (v ? v : null))
}

export function requiredText(max: number, what: string, options: Pick<TextOptions, 'multiline'> = {}) {
  return textInput({ ...options, error: `${what}を入力してください` })
    .trim()
    .min(1, { error: `${what}を入力してください` })
    .max(max, { error: `${max}文字以内で入力してください` })
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

/** The periods a list of dated meetings offers: from today on, before today, or all of them. */
export const PERIODS = ['upcoming', 'past', 'all'] as const
export type Period = (typeof PERIODS)[number]
