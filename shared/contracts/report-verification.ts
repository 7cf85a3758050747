// 表1 取組検証の手法 (docs/report-rules.md): the verification methods of a report period, kept by
// headquarters as records and printed by the report as its own 表1.
import { z } from 'zod'
import { codesOf } from '../codes.ts'
import { codeOf, dateInput, isoDate, optionalDateInput, optionalText, requiredText, uuid } from './common.ts'
import { defineContract, noContent } from './define.ts'
import { VERIFICATION_KINDS } from './reports.ts'

const periodRefine = <T extends { from: string; to: string }>(q: T) => q.from <= q.to
const periodError = { path: ['to'], error: '終了日は開始日以降の日付を入力してください' }

export const verificationPeriod = z
  .object({
    from: dateInput.describe('First day of the report period'),
    to: dateInput.describe('Last day of the report period'),
  })
  .refine(periodRefine, periodError)

const fields = {
  kind: codeOf(VERIFICATION_KINDS, '区分'),
  method: requiredText(100, '手法'),
  heldFrom: optionalDateInput.describe('実施時期: first day (or the day of a one-day interview)'),
  heldTo: optionalDateInput.describe('実施時期: last day; empty for one day'),
  target: requiredText(200, '対象'),
  surveyId: z
    .union([uuid, z.literal(''), z.null()])
    .optional()
    .transform((v) => v || null)
    .describe('A survey in the product: its respondents are 回答数 when `responses` is empty'),
  responses: optionalText(50).describe('回答数 as written: 「16件」, 「14区役所・支所」'),
  sortOrder: z.coerce.number().int().min(0).max(999).default(0).describe('表示順'),
}

/** 実施時期 reads forwards; an end without a start is not a period. */
function heldInOrder(v: { heldFrom: string | null; heldTo: string | null }, ctx: z.RefinementCtx) {
  if (v.heldTo && !v.heldFrom)
    ctx.addIssue({ code: 'custom', path: ['heldFrom'], message: '実施時期の開始日を入力してください' })
  if (v.heldFrom && v.heldTo && v.heldTo < v.heldFrom)
    ctx.addIssue({
      code: 'custom',
      path: ['heldTo'],
      message: '実施時期の終了日は開始日以降の日付を入力してください',
    })
}

export const verificationCreateBody = z
  .object({ from: dateInput, to: dateInput, ...fields })
  .refine(periodRefine, periodError)
  .superRefine(heldInOrder)
export type VerificationCreateInput = z.output<typeof verificationCreateBody>

export const verificationUpdateBody = z
  .object({ ...fields, version: z.number().int().min(1).describe('The version the change was made on') })
  .superRefine(heldInOrder)
export type VerificationUpdateInput = z.output<typeof verificationUpdateBody>

export const verificationRecord = z.object({
  id: z.string(),
  kind: z.enum(codesOf(VERIFICATION_KINDS)),
  method: z.string(),
  heldFrom: isoDate.nullable(),
  heldTo: isoDate.nullable(),
  target: z.string(),
  surveyId: z.string().nullable(),
  responses: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string().describe('ISO instant'),
})
export type VerificationRecord = z.infer<typeof verificationRecord>

export const verificationList = z.object({
  period: z.object({ from: isoDate, to: isoDate }),
  items: z.array(verificationRecord).describe('In 表1 order'),
})
export type VerificationList = z.infer<typeof verificationList>

const idParams = z.object({ id: uuid })

export const listVerification = defineContract({
  method: 'GET',
  path: '/api/reports/verification',
  summary: "表1's verification methods of a report period (whoever may see the report)",
  tags: ['reports'],
  query: verificationPeriod,
  response: verificationList,
})

export const createVerification = defineContract({
  method: 'POST',
  path: '/api/reports/verification',
  summary: 'Headquarters records a verification method of a report period (audited)',
  tags: ['reports'],
  body: verificationCreateBody,
  response: verificationRecord,
  status: 201,
})

export const updateVerification = defineContract({
  method: 'PUT',
  path: '/api/reports/verification/:id',
  summary: 'Headquarters changes a verification method; 409 when it changed since `version` (audited)',
  tags: ['reports'],
  params: idParams,
  body: verificationUpdateBody,
  response: verificationRecord,
})

export const deleteVerification = defineContract({
  method: 'DELETE',
  path: '/api/reports/verification/:id',
  summary: 'Headquarters removes a verification method (audited)',
  tags: ['reports'],
  params: idParams,
  response: noContent,
  status: 204,
})
