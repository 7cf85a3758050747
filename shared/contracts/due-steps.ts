// 次の対応 that are due: the home page's first list for the window's and wards' staff.
import { z } from 'zod'
import { isoDate } from './common.ts'
import { defineContract } from './define.ts'

/** Whose cases: the caller's own (cases.staff_id), or everyone's in scope with the caller's first. */
export const DUE_WHOSE = ['mine', 'team'] as const
export type DueWhose = (typeof DUE_WHOSE)[number]

/** overdue: before today; today; upcoming: within the next seven days (Tokyo). */
export const DUE_BUCKETS = ['overdue', 'today', 'upcoming'] as const
export type DueBucket = (typeof DUE_BUCKETS)[number]

/** How far ahead 「今後の予定」 looks. */
export const UPCOMING_DAYS = 7

export const dueStep = z.object({
  caseId: z.uuid(),
  caseNo: z.string(),
  name: z.string().nullable().describe('本人の氏名 (personal data; the case is in the caller’s scope)'),
  staffName: z.string().nullable().describe('The case’s 担当者'),
  mine: z.boolean().describe('The caller is the case’s 担当者'),
  nextStep: z.string().nullable().describe('次の対応 of the case’s latest contact'),
  dueOn: isoDate,
  dueTime: z.string().nullable(),
  bucket: z.enum(DUE_BUCKETS),
})
export type DueStep = z.infer<typeof dueStep>

export const listDueSteps = defineContract({
  method: 'GET',
  path: '/api/due-steps',
  summary:
    'Next steps due: each active case’s current next step (that of its latest contact) when overdue, due today or within 7 days; the caller’s own cases first',
  tags: ['cases'],
  query: z.object({
    whose: z
      .enum(DUE_WHOSE, { error: '「自分の担当」か「チーム」を選択してください' })
      .default('mine')
      .describe('mine: the caller’s cases only; team: every case in scope, the caller’s first'),
  }),
  response: z.object({
    today: isoDate,
    items: z.array(dueStep),
    truncated: z.boolean().describe('More were due than the list holds'),
  }),
})
