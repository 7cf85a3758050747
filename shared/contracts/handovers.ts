import { z } from 'zod'
import { AGE_BANDS, codesOf, NEW_CASE_ROUTES, URGENCIES, WARD_STATES } from '../codes.ts'
import { caseDetail } from './cases.ts'
import { codeOf, dateInput, idParams, isoDate, optionalText, pageQuery, requiredText } from './common.ts'
import { defineContract } from './define.ts'

/** The ward's inbox filter: waiting for the additional assessment, ready for the meeting, or both. */
export const INBOX_STATES = ['assessing', 'ready', 'all'] as const
export type InboxState = (typeof INBOX_STATES)[number]

/**
 * Days a case may wait in the inbox (since its handover, or its opening at the ward) before the
 * coordinator's home flags it; the city changes it in the settings ('handoverWaitDays'). About one
 * monthly meeting's cycle: a case still waiting after it has missed a meeting.
 */
export const DEFAULT_HANDOVER_WAIT_DAYS = 30

/** The inbox's order by days waited: longest first (the default), or shortest first. */
export const INBOX_ORDERS = ['longest', 'shortest'] as const
export type InboxOrder = (typeof INBOX_ORDERS)[number]

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
  daysWaiting: z.number().int().describe('Tokyo calendar days from waitingSince to today'),
  waitingLong: z.boolean().describe('daysWaiting is over the city’s limit (waitLimitDays)'),
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
    order: z
      .enum(INBOX_ORDERS, { error: '並び順は「長い順」か「短い順」を選択してください' })
      .default('longest')
      .describe('By days waited: longest (oldest waiting first) or shortest'),
    ...pageQuery,
  }),
  response: z.object({
    items: z.array(inboxItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    today: isoDate,
    waitLimitDays: z.number().int().describe('Days after which a waiting case is flagged (city setting)'),
    counts: z
      .object({
        assessing: z.number().int(),
        ready: z.number().int(),
        waitingLong: z.number().int().describe('Cases of the inbox waiting over waitLimitDays'),
      })
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
