import { z } from 'zod'
import { type CodeList, codesOf } from '../codes.ts'
import { isIsoDate, parseWesternDate } from '../dates.ts'

export const uuid = z.uuid({ error: '識別子の形式が正しくありません' })
export const idParams = z.object({ id: uuid })

/** The one wording for a date that is not a real 西暦 date, on the server and in forms. */
export const INVALID_DATE_MESSAGE = '日付は「2021/8/31」のように、実在する年月日を西暦で入力してください'

/** A 西暦 date typed by a person (2021-08-31 or 2021/8/31), normalised to ISO. */
export const dateInput = z
  .string({ error: '日付を入力してください' })
  .trim()
  .min(1, { error: '日付を入力してください' })
  .transform((value, ctx) => {
    const iso = parseWesternDate(value)
    if (!iso) {
      ctx.addIssue({
        code: 'custom',
        message: INVALID_DATE_MESSAGE,
      })
      return z.NEVER
    }
    return iso
  })

/** Same as dateInput, but an empty string or null means "not given". */
// Not a union with dateInput: a union reports its own generic message instead of ours.
export const optionalDateInput = z
  .string({ error: INVALID_DATE_MESSAGE })
  .nullable()
  .optional()
  .transform((value, ctx) => {
    const text = value?.trim()
    if (!text) return null
    const iso = parseWesternDate(text)
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: INVALID_DATE_MESSAGE })
      return z.NEVER
    }
    return iso
  })

/** An ISO date as the API returns it. */
export const isoDate = z.string().refine(isIsoDate, { error: '日付の形式が正しくありません' })

export const timeInput = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: '時刻は「14:05」のように24時間制で入力してください' })
  .transform((t) => t.padStart(5, '0'))

/** A required choice from a code list, with a Japanese message naming what is missing. */
export function codeOf<C extends string>(list: CodeList<C>, what: string) {
  return z.enum(codesOf(list), { error: `${what}を選択してください` })
}

/** Free text: trimmed, empty → null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `${max}文字以内で入力してください` })
    .nullish()
    .transform((v) => (v ? v : null))
}

export function requiredText(max: number, what: string) {
  return z
    .string({ error: `${what}を入力してください` })
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
