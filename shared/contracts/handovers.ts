import { z } from 'zod'
import { AGE_BANDS, codesOf, NEW_CASE_ROUTES, URGENCIES, WARD_STATES } from '../codes.ts'
import { caseDetail } from './cases.ts'
import { codeOf, dateInput, idParams, isoDate, optionalText, pageQuery, requiredText } from './common.ts'
import { defineContract } from './define.ts'

/** The ward's inbox filter: waiting for the additional assessment, ready for the meeting, or both. */
export const INBOX_STATES = ['assessing', 'ready', 'all'] as const
export type InboxState = (typeof INBOX_STATES)[number]

export const READY_NEEDS_ASSESSMENT = '会議付議可にするには、追加アセスメントを入力してください'

export const inboxItem = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  name: z.string().nullable().describe('氏名 (personal data; the ward’s own staff only)'),
  openedOn: isoDate,
  handedOverOn: isoDate.nullable().describe('引継ぎ日; null for a case opened at the ward'),
  waitingSince: isoDate.describe('The handover date, or the opening date of a ward intake'),
  wardRoute: z.enum(codesOf(NEW_CASE_ROUTES)).nullable(),
  wardState: z
    .enum(codesOf(WARD_STATES))
    .describe('区の状況; a ward case without one is still waiting for its assessment'),
  urgency: z.enum(codesOf(URGENCIES)),
  ageBand: z.enum(codesOf(AGE_BANDS)),
  hasAssessment: z.boolean().describe('Whether the additional assessment is written'),
})
export type InboxItem = z.infer<typeof inboxItem>

export const listWardInbox = defineContract({
  method: 'GET',
  path: '/api/ward/inbox',
  summary:
    'The caller’s ward inbox: cases handed over to the ward or opened there, not yet led; oldest waiting first',
  tags: ['handovers'],
  query: z.object({
    state: z.enum(INBOX_STATES).default('all'),
    ...pageQuery,
  }),
  response: z.object({
    items: z.array(inboxItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counts: z
      .object({ assessing: z.number().int(), ready: z.number().int() })
      .describe('How many cases of the inbox are in each state, whatever the filter'),
  }),
})

const versioned = { version: z.number().int().min(1).describe('The version the change was made on') }

export const writeAssessment = defineContract({
  method: 'POST',
  path: '/api/cases/:id/assessment',
  summary: 'Write the ward’s additional assessment and its state (追加アセスメント中 → 会議付議可)',
  tags: ['handovers'],
  params: idParams,
  body: z.object({
    ...versioned,
    assessment: optionalText(4000, { multiline: true }).describe('追加アセスメント (personal data)'),
    wardState: codeOf(WARD_STATES, '区の状況'),
  }),
  response: caseDetail,
})

export const recordConsent = defineContract({
  method: 'PUT',
  path: '/api/cases/:id/consent',
  summary: 'Record the person’s consent to share the case with the meeting (本人同意)',
  tags: ['handovers'],
  params: idParams,
  body: z.object({
    ...versioned,
    consentOn: dateInput.describe('同意日: not in the future, not before the case was opened'),
    consentNote: optionalText(1000, { multiline: true }).describe('同意の範囲・方法など'),
  }),
  response: caseDetail,
})

export const withdrawConsent = defineContract({
  method: 'DELETE',
  path: '/api/cases/:id/consent',
  summary: 'Record that the consent was withdrawn (or entered by mistake), with a reason',
  tags: ['handovers'],
  params: idParams,
  body: z.object({ ...versioned, reason: requiredText(1000, '撤回の理由', { multiline: true }) }),
  response: caseDetail,
})
