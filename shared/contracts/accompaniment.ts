// Lead workers (主担当) and caseloads (担当件数): the cases a meeting made someone lead, their
// support plan (目標, 経過のまとめ), activity log (支援内容), observed changes (本人の変化), and
// the per-worker and per-ward counts that keep anyone from carrying too much alone (抱え込み).
import { z } from 'zod'
import { AGE_BANDS, CASE_LEADS, codesOf, SUPPORT_ACTIVITIES, SUPPORT_GOALS } from '../codes.ts'
import { codeOf, dateInput, isoDate, optionalText, requiredText, textInput, uuid } from './common.ts'
import { defineContract } from './define.ts'

/** A case without any support activity for this many days is flagged (Tokyo calendar days). */
export const NO_ACTIVITY_DAYS = 30

/** The roles whose caseload is counted, each with its own overload threshold. */
export const CASELOAD_ROLES = ['accompaniment_worker', 'ward_staff', 'agency_member'] as const
export type CaseloadRole = (typeof CASELOAD_ROLES)[number]
export type CaseloadThresholds = Record<CaseloadRole, number>

/** Used until an administrator sets the city's own (settings key 'caseloadThresholds'). */
export const DEFAULT_CASELOAD_THRESHOLDS: CaseloadThresholds = {
  accompaniment_worker: 15,
  ward_staff: 20,
  agency_member: 20,
}

const lead = z.enum(codesOf(CASE_LEADS))
const goal = z.enum(codesOf(SUPPORT_GOALS))
const activityKind = z.enum(codesOf(SUPPORT_ACTIVITIES))
const caseParams = z.object({ id: uuid })

const minutes = z.coerce
  .number({ error: '所要時間は数字で入力してください' })
  .int({ error: '所要時間は分単位の整数で入力してください' })
  .min(0, { error: '所要時間は0分以上で入力してください' })
  .max(1440, { error: '所要時間は1440分以内で入力してください' })

// ---------------------------------------------------------------------------------------------
// My cases

export const myCase = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  name: z.string().nullable(),
  ageBand: z.enum(codesOf(AGE_BANDS)),
  ward: z.string().nullable().describe('The ward the case belongs to (handed over to, or opened at)'),
  lead,
  leadUnitName: z.string().nullable(),
  leadAccountName: z.string().nullable(),
  relation: z
    .enum(['lead', 'assigned'])
    .describe('lead: the caller (or their unit) leads; assigned: a task of the latest decision'),
  nextReviewOn: isoDate.nullable().describe('次回確認日'),
  reviewOverdue: z.boolean().describe('nextReviewOn is before today (Tokyo)'),
  lastActivityOn: isoDate.nullable().describe('The latest 支援内容 entry'),
  inactiveSince: isoDate.describe(
    'What the no-activity count starts from: the latest activity, else the latest meeting date that reviewed the case, else the opening date',
  ),
  daysWithoutActivity: z.number().int(),
  noRecentActivity: z.boolean().describe(`daysWithoutActivity ≥ ${NO_ACTIVITY_DAYS}`),
})
export type MyCase = z.infer<typeof myCase>

export const listMyCases = defineContract({
  method: 'GET',
  path: '/api/my-cases',
  summary:
    'The caller’s led cases (accompaniment worker, agency member, ward section staff; the coordinator for the centre), not closed',
  tags: ['accompaniment'],
  response: z.object({
    today: isoDate,
    noActivityDays: z.number().int(),
    items: z.array(myCase),
  }),
})

/** How far ahead a 次回確認日 counts as due on the lead worker's home (Tokyo calendar days). */
export const REVIEW_DUE_DAYS = 14

export const myCaseMeeting = z.object({
  meetingId: z.uuid(),
  heldOn: isoDate,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  wardName: z.string().nullable(),
  cases: z
    .array(z.object({ id: z.uuid(), caseNo: z.string(), name: z.string().nullable() }))
    .describe('Only the caller’s own cases on the agenda: the rest of the agenda is not theirs to read'),
})
export type MyCaseMeeting = z.infer<typeof myCaseMeeting>

export const listMyCaseMeetings = defineContract({
  method: 'GET',
  path: '/api/my-cases/meetings',
  summary:
    'Upcoming support coordination meetings with one of the caller’s cases (as in /api/my-cases) on the agenda; only those cases are named',
  tags: ['accompaniment'],
  response: z.object({ today: isoDate, items: z.array(myCaseMeeting) }),
})

// ---------------------------------------------------------------------------------------------
// Support plan

export const supportPlan = z
  .object({
    caseId: z.uuid(),
    lead: lead.nullable().describe('主担当 of the case; no plan is kept for a case without a lead'),
    canWrite: z.boolean().describe('Whether the caller may change the plan and add records'),
    goals: z.array(goal),
    goalNote: z.string().nullable(),
    progressSummary: z.string().nullable().describe('経過のまとめ: what the next meeting shows'),
    version: z.number().int().describe('0 while no plan has been saved'),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
  })
  .meta({ id: 'SupportPlan' })
export type SupportPlan = z.infer<typeof supportPlan>

export const getSupportPlan = defineContract({
  method: 'GET',
  path: '/api/cases/:id/support-plan',
  summary: 'A case’s support plan (goals, progress summary) and whether the caller may change it',
  tags: ['accompaniment'],
  params: caseParams,
  response: supportPlan,
})

export const updateSupportPlan = defineContract({
  method: 'PUT',
  path: '/api/cases/:id/support-plan',
  summary: 'Save the support plan, made on `version` (0 for the first); 409 when someone saved since',
  tags: ['accompaniment'],
  params: caseParams,
  body: z.object({
    goals: z
      .array(goal, { error: '目標を選択してください' })
      .max(SUPPORT_GOALS.length)
      .refine((g) => new Set(g).size === g.length, { error: '同じ目標が重複しています' }),
    goalNote: optionalText(2000, { multiline: true }).describe('目標の補足 (personal data)'),
    progressSummary: optionalText(4000, { multiline: true }).describe('経過のまとめ (personal data)'),
    version: z.number({ error: '版の指定が必要です' }).int().min(0),
  }),
  response: supportPlan,
})

// ---------------------------------------------------------------------------------------------
// Activities (支援内容)

export const activity = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    doneOn: isoDate,
    kind: activityKind,
    minutes: z.number().int().nullable(),
    note: z.string().nullable(),
    accountId: z.uuid(),
    accountName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Activity' })
export type Activity = z.infer<typeof activity>

const activityFields = z.object({
  doneOn: dateInput.describe('実施日: not in the future, not before the case was opened'),
  kind: codeOf(SUPPORT_ACTIVITIES, '支援内容'),
  minutes: minutes.nullish().describe('所要時間（分） 0–1440'),
  note: optionalText(4000, { multiline: true }).describe('記録 (personal data)'),
})

export const listActivities = defineContract({
  method: 'GET',
  path: '/api/cases/:id/activities',
  summary: 'A case’s support activities, newest first',
  tags: ['accompaniment'],
  params: caseParams,
  response: z.array(activity),
})

export const addActivity = defineContract({
  method: 'POST',
  path: '/api/cases/:id/activities',
  summary: 'Record a support activity (lead workers and the case’s ward, once the case has a lead)',
  tags: ['accompaniment'],
  params: caseParams,
  body: activityFields,
  response: activity,
  status: 201,
})

export const correctActivity = defineContract({
  method: 'PATCH',
  path: '/api/cases/:id/activities/:activityId',
  summary: 'Correct an activity with a reason; the case history keeps what changed from what',
  tags: ['accompaniment'],
  params: z.object({ id: uuid, activityId: uuid }),
  body: activityFields.partial().extend({ reason: requiredText(500, '訂正の理由', { multiline: true }) }),
  response: activity,
})

// ---------------------------------------------------------------------------------------------
// Observed changes (本人の変化)

export const observedChange = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    observedOn: isoDate,
    note: z.string(),
    accountId: z.uuid(),
    accountName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ObservedChange' })
export type ObservedChange = z.infer<typeof observedChange>

export const listObservedChanges = defineContract({
  method: 'GET',
  path: '/api/cases/:id/observed-changes',
  summary: 'Changes observed in the person, newest first',
  tags: ['accompaniment'],
  params: caseParams,
  response: z.array(observedChange),
})

export const addObservedChange = defineContract({
  method: 'POST',
  path: '/api/cases/:id/observed-changes',
  summary: 'Record a change observed in the person',
  tags: ['accompaniment'],
  params: caseParams,
  body: z.object({
    observedOn: dateInput.describe('Not in the future, not before the case was opened'),
    note: requiredText(2000, '変化の内容', { multiline: true }).describe('(personal data)'),
  }),
  response: observedChange,
  status: 201,
})

// ---------------------------------------------------------------------------------------------
// Caseloads (担当件数)

const caseCounts = {
  openCases: z.number().int().describe('Cases led that are not closed'),
  noRecentActivity: z
    .number()
    .int()
    .describe(`Of those, cases without a support activity for ${NO_ACTIVITY_DAYS} days or more`),
  reviewsOverdue: z.number().int().describe('Of those, cases whose next review date is before today'),
}

export const caseloadWorker = z.object({
  kind: z
    .enum(['accompaniment_worker', 'ward_section', 'agency'])
    .describe('An accompaniment worker by account; a ward section or an agency by organisation unit'),
  id: z.uuid().nullable().describe('Account or unit id; null for leads recorded without one (imports)'),
  name: z.string(),
  ward: z.string().nullable().describe('The ward of a ward section'),
  role: z.enum(CASELOAD_ROLES).describe('Whose threshold applies'),
  ...caseCounts,
  openCasesInWard: z
    .number()
    .int()
    .nullable()
    .describe('With a ward chosen: how many of openCases belong to that ward'),
  threshold: z.number().int(),
  overloaded: z.boolean().describe('openCases is over the role’s threshold'),
})
export type CaseloadWorker = z.infer<typeof caseloadWorker>

export const caseloadWard = z.object({
  ward: z.string(),
  wardName: z.string(),
  ...caseCounts,
  workers: z.number().int().describe('Workers and units leading cases of the ward'),
  overloadedWorkers: z.number().int(),
})
export type CaseloadWard = z.infer<typeof caseloadWard>

export const getCaseloads = defineContract({
  method: 'GET',
  path: '/api/caseloads',
  summary:
    'Caseloads per worker and per ward, flagged over the role’s threshold (ward coordinator: own ward; headquarters: all wards); counts and worker names only',
  tags: ['accompaniment'],
  query: z.object({
    ward: textInput().trim().max(40).optional().describe('A ward code or name; headquarters only'),
  }),
  response: z.object({
    today: isoDate,
    ward: z.string().nullable().describe('The ward the figures are for; null for the whole city'),
    noActivityDays: z.number().int(),
    thresholds: z.object({
      accompaniment_worker: z.number().int(),
      ward_staff: z.number().int(),
      agency_member: z.number().int(),
    }),
    workers: z.array(caseloadWorker),
    wards: z.array(caseloadWard),
  }),
})
