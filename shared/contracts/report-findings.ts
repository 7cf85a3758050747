// Headquarters' edits of the report's drafted findings (所見の下書き, docs/report-rules.md
// "Findings"): stored per report period (from, to, ward) with their history. The edited text
// replaces the draft's `text` in the JSON, the workbook and the HTML; the figures never change.
import { z } from 'zod'
import { dateInput, isoDate, textInput } from './common.ts'
import { defineContract } from './define.ts'

export const FINDING_TEXT_MAX = 1000

/** The ids the report drafts (reports.ts `finding`), and a survey question's survey:<id>:<no>. */
export const FINDING_ID =
  /^(consultations_vs_baseline|age40plus_vs_baseline|single_share|continuing_share|family_share|agency_referral_share|meeting_agency_route_share|lead_accompaniment_share|lead_section_share|monthly_trend|survey:[^:\s]{1,40}:\d{1,4})$/u

const ward = textInput()
  .trim()
  .max(40, { error: '区は40文字以内で指定してください' })
  .optional()
  .describe('Ward code; omitted for the whole city’s report')

export const findingPeriod = z
  .object({
    from: dateInput.describe('First day of the report period'),
    to: dateInput.describe('Last day of the report period'),
    ward,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], error: '終了日は開始日以降の日付を入力してください' })

export type FindingPeriodQuery = z.output<typeof findingPeriod>

export const findingParams = z.object({
  findingId: textInput({ error: '所見の項目を指定してください' })
    .max(60, { error: '所見の項目が正しくありません' })
    .regex(FINDING_ID, { error: '所見の項目が正しくありません' }),
})

export const findingEditBody = z
  .object({
    from: dateInput,
    to: dateInput,
    ward,
    text: textInput({ multiline: true, error: '所見の文を入力してください' })
      .trim()
      .min(1, { error: '所見の文を入力してください' })
      .max(FINDING_TEXT_MAX, { error: `所見の文は${FINDING_TEXT_MAX}文字以内で入力してください` }),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], error: '終了日は開始日以降の日付を入力してください' })

export type FindingEditInput = z.output<typeof findingEditBody>

const change = z.object({
  before: z.string().describe('The text shown before: the draft or the previous edit'),
  after: z.string(),
  editedByName: z.string(),
  editedAt: z.string().describe('ISO instant'),
})

export const findingEdit = z.object({
  findingId: z.string(),
  text: z.string().describe('The text the report now shows'),
  editedByName: z.string(),
  editedAt: z.string(),
  history: z.array(change).describe('Every edit of this finding for the period, oldest first'),
})
export type FindingEdit = z.infer<typeof findingEdit>

export const findingEdits = z.object({
  period: z.object({ from: isoDate, to: isoDate, ward: z.string().nullable() }),
  edits: z.array(findingEdit),
})
export type FindingEdits = z.infer<typeof findingEdits>

export const listFindingEdits = defineContract({
  method: 'GET',
  path: '/api/reports/findings',
  summary: 'Edited findings of a report period, with their history (whoever may see that report)',
  tags: ['reports'],
  query: findingPeriod,
  response: findingEdits,
})

export const putFindingEdit = defineContract({
  method: 'PUT',
  path: '/api/reports/findings/:findingId',
  summary: 'Headquarters replaces the text of one drafted finding for a report period (audited)',
  tags: ['reports'],
  params: findingParams,
  body: findingEditBody,
  response: findingEdit,
})
