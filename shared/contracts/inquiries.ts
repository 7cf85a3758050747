// ウェブ相談, the window's side: the inbox of web consultations, a thread with its messages,
// claiming, replying (定型文 allowed), spam, closing, and the link to a case that makes every
// message a メール contact. The residents' own pages are server-rendered elsewhere.
import { z } from 'zod'
import { AGE_BANDS, COUNTERPARTS, codesOf } from '../codes.ts'
import { caseFields } from './cases.ts'
import { idParams, optionalDateInput, pageOf, pageQuery, textInput, uuid } from './common.ts'
import { defineContract } from './define.ts'

/** Invisible characters that make a text look filled in (or a word look right) when it is not. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
const HAS_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/

export const INQUIRY_TEXT_MESSAGES = {
  zeroWidth: '見えない文字（ゼロ幅スペースなど）は使えません',
} as const

/**
 * Text staff write to a resident or into a template: required, at most `max` characters, and not
 * blank once invisible characters are taken away (a reply of one zero-width space is no reply).
 */
function filledText(max: number, what: string, options: { multiline?: boolean } = {}) {
  const missing = `${what}を入力してください`
  return textInput({ ...options, error: missing })
    .trim()
    .refine((v) => v.replace(ZERO_WIDTH, '').trim().length > 0, { error: missing, abort: true })
    .refine((v) => v.length <= max, { error: `${max}文字以内で入力してください` })
}

/** A whole number from a form: full-width digits and decimals say so instead of turning into NaN. */
function wholeNumber(min: number, max: number, unit: string, what: string) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim())) : v),
    z
      .number({
        error: (iss) =>
          iss.input === undefined ? `${what}を入力してください` : `${what}は半角数字で入力してください`,
      })
      .int({ error: `${what}は整数で入力してください` })
      .min(min, { error: `${what}は${min}${unit}以上で入力してください` })
      .max(max, { error: `${what}は${max}${unit}以内で入力してください` }),
  )
}

// ---- the inbox ----

/**
 * The inbox's views: 未対応 (open, nobody claimed it), 自分の担当, 緊急, 期限超過 (a resident's
 * message has waited longer than the city's overdue hours), every open thread, spam, closed.
 * Spam is only ever in its own view; closed threads only in theirs.
 */
export const INBOX_FILTERS = ['new', 'mine', 'urgent', 'overdue', 'open', 'spam', 'closed'] as const
export type InboxFilter = (typeof INBOX_FILTERS)[number]
export const INBOX_FILTER_LABELS: Record<InboxFilter, string> = {
  new: '未対応',
  mine: '自分の担当',
  urgent: '緊急',
  overdue: '期限超過',
  open: '対応中すべて',
  spam: '迷惑',
  closed: '終了',
}

export const THREAD_STATUSES = [
  { code: 'open', label: '受付中' },
  { code: 'closed', label: '終了' },
] as const

const staffRef = z.object({ id: z.uuid(), name: z.string() }).describe('A staff member (id and name)')

export const inboxItem = z.object({
  id: z.uuid(),
  code: z.string().describe('受付番号'),
  senderRole: z.enum(codesOf(COUNTERPARTS)).describe('Who wrote: 本人 / 家族・親族 / その他'),
  subjectAgeBand: z.enum(codesOf(AGE_BANDS)).nullable(),
  nickname: z.string().nullable().describe('The name the resident chose to give (personal data)'),
  status: z.enum(['open', 'closed']),
  urgent: z.boolean().describe('緊急: a message matched the crisis words'),
  spam: z.boolean(),
  claimedBy: staffRef.nullable(),
  awaitingSince: z.string().nullable().describe('Since when a resident’s message waits for a reply'),
  overdue: z.boolean().describe('Waiting longer than the city’s overdue hours'),
  lastMessageAt: z.string(),
  messageCount: z.number().int(),
  caseNo: z.string().nullable().describe('The linked case’s number'),
})
export type InboxItem = z.infer<typeof inboxItem>

export const inboxCounts = z
  .object(
    Object.fromEntries(INBOX_FILTERS.map((f) => [f, z.number().int()])) as Record<InboxFilter, z.ZodNumber>,
  )
  .describe('How many threads each view of the inbox holds, whatever the filter')

export const listInquiries = defineContract({
  method: 'GET',
  path: '/api/inquiries',
  summary: 'The window’s inbox of web consultations, newest message first, with counts per view',
  tags: ['inquiries'],
  query: z.object({
    filter: z.enum(INBOX_FILTERS, { error: '表示の種類が正しくありません' }).default('open'),
    ...pageQuery,
  }),
  response: pageOf(inboxItem).extend({ counts: inboxCounts, overdueHours: z.number().int() }),
})

export const inquiryCounts = defineContract({
  method: 'GET',
  path: '/api/inquiries/counts',
  summary:
    'For the home page: new (unclaimed), urgent and overdue open threads (the window; headquarters see these aggregates too)',
  tags: ['inquiries'],
  response: z.object({
    new: z.number().int(),
    urgent: z.number().int(),
    overdue: z.number().int(),
    mine: z.number().int().describe('Open threads the caller claimed (0 for headquarters)'),
  }),
})

// ---- one thread ----

export const inquiryMessage = z.object({
  id: z.uuid(),
  author: z.enum(['resident', 'staff']),
  staffName: z.string().nullable(),
  body: z
    .string()
    .nullable()
    .describe('The text (personal data); null once removed after the retention period'),
  minutes: z.number().int().nullable(),
  urgent: z.boolean(),
  counted: z.boolean().describe('Counted as a メール contact of the linked case'),
  createdAt: z.string(),
})
export type InquiryMessage = z.infer<typeof inquiryMessage>

export const inquiryThread = inboxItem
  .omit({ messageCount: true })
  .extend({
    acceptsCall: z.boolean(),
    phone: z.string().nullable().describe('Only when the resident accepts a call (personal data)'),
    hasNoticeAddress: z
      .boolean()
      .describe('Whether a reply sends a "reply waiting" notice (the address is not shown)'),
    caseId: z.uuid().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    version: z.number().int(),
    messages: z.array(inquiryMessage),
  })
  .meta({ id: 'InquiryThread' })
export type InquiryThread = z.infer<typeof inquiryThread>

export const getInquiry = defineContract({
  method: 'GET',
  path: '/api/inquiries/:id',
  summary: 'One web consultation with its messages in order (read audited)',
  tags: ['inquiries'],
  params: idParams,
  response: inquiryThread,
})

export const claimInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/claim',
  summary: 'Claim the thread (担当する); once only: a thread someone else claimed answers 409',
  tags: ['inquiries'],
  params: idParams,
  response: inquiryThread,
})

export const releaseInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/release',
  summary: 'Release the claim (担当を外す), so that another counsellor can take it',
  tags: ['inquiries'],
  params: idParams,
  response: inquiryThread,
})

export const REPLY_MAX = 4000

export const replyToInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/replies',
  summary:
    'Reply to the resident: claims an unclaimed thread, stops the overdue clock, queues the "reply waiting" notice, and counts as a メール contact once the thread has a case',
  tags: ['inquiries'],
  params: idParams,
  body: z.object({
    body: filledText(REPLY_MAX, '返信', { multiline: true }).describe('返信 (personal data)'),
    minutes: wholeNumber(0, 1440, '分', '所要時間').nullish().describe('所要時間 (counted like a contact’s)'),
  }),
  response: inquiryThread,
  status: 201,
})

export const markInquirySpam = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/spam',
  summary: 'Mark the thread as spam (kept, hidden from the inbox, never counted) or take the mark away',
  tags: ['inquiries'],
  params: idParams,
  body: z.object({ spam: z.boolean({ error: '迷惑かどうかを指定してください' }) }),
  response: inquiryThread,
})

export const closeInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/close',
  summary: 'Close the thread (終了); the resident can still read it',
  tags: ['inquiries'],
  params: idParams,
  response: inquiryThread,
})

export const reopenInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/reopen',
  summary: 'Reopen a closed thread',
  tags: ['inquiries'],
  params: idParams,
  response: inquiryThread,
})

export const openCaseFromInquiry = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/case',
  summary:
    'Open a case at the window from the thread (相談者 = who wrote, 経路 ウェブサイト); every message so far becomes a メール contact',
  tags: ['inquiries'],
  params: idParams,
  body: caseFields
    .pick({ ward: true, ageBand: true, concerns: true, urgency: true, name: true, kana: true, gender: true })
    .extend({
      openedOn: optionalDateInput.describe('受付日; the day the resident first wrote when omitted'),
    }),
  response: inquiryThread,
  status: 201,
})

export const attachInquiryToCase = defineContract({
  method: 'POST',
  path: '/api/inquiries/:id/case-link',
  summary:
    'Attach the thread to an existing case the caller works on; every message so far becomes a メール contact',
  tags: ['inquiries'],
  params: idParams,
  body: z.object({ caseId: uuid.describe('The case, found with the case search') }),
  response: inquiryThread,
})

// ---- 定型文 ----

export const inquiryTemplate = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  updatedAt: z.string(),
})
export type InquiryTemplate = z.infer<typeof inquiryTemplate>

export const TEMPLATE_TITLE_MAX = 60

const templateFields = {
  title: filledText(TEMPLATE_TITLE_MAX, '件名'),
  body: filledText(REPLY_MAX, '本文', { multiline: true }),
  sortOrder: wholeNumber(0, 10_000, '', '表示順'),
}

export const listInquiryTemplates = defineContract({
  method: 'GET',
  path: '/api/inquiry-templates',
  summary: 'Reply templates (定型文) in their order; inactive ones only when asked',
  tags: ['inquiries'],
  query: z.object({
    includeInactive: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
  }),
  response: z.array(inquiryTemplate),
})

export const createInquiryTemplate = defineContract({
  method: 'POST',
  path: '/api/inquiry-templates',
  summary: 'Add a reply template',
  tags: ['inquiries'],
  body: z.object({ ...templateFields, sortOrder: templateFields.sortOrder.default(0) }),
  response: inquiryTemplate,
  status: 201,
})

export const updateInquiryTemplate = defineContract({
  method: 'PATCH',
  path: '/api/inquiry-templates/:id',
  summary: 'Change a reply template, or deactivate it (active: false) and back',
  tags: ['inquiries'],
  params: idParams,
  body: z.object({
    title: templateFields.title.optional(),
    body: templateFields.body.optional(),
    sortOrder: templateFields.sortOrder.optional(),
    active: z.boolean({ error: '有効かどうかを指定してください' }).optional(),
  }),
  response: inquiryTemplate,
})

// ---- the city's settings (administrators) ----

export const CRISIS_WORD_MAX = 30
export const CRISIS_WORDS_MAX = 100

export const inquirySettings = z.object({
  crisisWords: z.array(z.string()).describe('Words that flag a message 緊急 (matched after NFKC folding)'),
  overdueHours: z.number().int().describe('Hours a resident’s message may wait before it shows as overdue'),
  idleCloseDays: z.number().int().describe('Days without a message after which a thread is closed'),
  retentionDays: z.number().int().describe('Days after closing after which the messages’ text is removed'),
})
export type InquirySettings = z.infer<typeof inquirySettings>

const crisisWord = textInput({ error: '語句を入力してください' })
  .trim()
  .refine((v) => !HAS_ZERO_WIDTH.test(v), { error: INQUIRY_TEXT_MESSAGES.zeroWidth, abort: true })
  .refine((v) => v.length > 0, { error: '空の語句は登録できません', abort: true })
  .refine((v) => v.length <= CRISIS_WORD_MAX, { error: `語句は${CRISIS_WORD_MAX}文字以内で入力してください` })
  // Stored folded, as messages are matched: a full-width ｼﾈ and a half-width one are one word.
  .transform((v) => v.normalize('NFKC'))

export const getInquirySettings = defineContract({
  method: 'GET',
  path: '/api/inquiry-settings',
  summary: 'The city’s web consultation settings (administrators)',
  tags: ['inquiries'],
  response: inquirySettings,
})

export const updateInquirySettings = defineContract({
  method: 'PUT',
  path: '/api/inquiry-settings',
  summary: 'Change the web consultation settings (administrators); a setting left out keeps its value',
  tags: ['inquiries'],
  body: z.object({
    crisisWords: z
      .array(crisisWord, { error: '語句の一覧を指定してください' })
      .min(1, { error: '緊急とする語句を1つ以上登録してください' })
      .max(CRISIS_WORDS_MAX, { error: `語句は${CRISIS_WORDS_MAX}個以内にしてください` })
      .transform((words) => [...new Set(words)])
      .optional(),
    overdueHours: wholeNumber(1, 720, '時間', '期限超過とするまでの時間').optional(),
    idleCloseDays: wholeNumber(7, 3650, '日', '自動で終了するまでの日数').optional(),
    retentionDays: wholeNumber(30, 3650, '日', '本文を消去するまでの日数').optional(),
  }),
  response: inquirySettings,
})
