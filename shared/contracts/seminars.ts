import { z } from 'zod'
import { type CodeList, codesOf } from '../codes.ts'
import {
  codeOf,
  dateInput,
  isoDate,
  optionalText,
  optionalTimeInput,
  PERIODS,
  pageOf,
  pageQuery,
  requiredText,
  timeInput,
  uuid,
} from './common.ts'
import { defineContract, noContent } from './define.ts'

// 家族向け研修会 and 家族教室・家族会 (issue 12): headquarters or a ward schedules them, families
// register on the residents' pages, the organiser sees the registrations and records attendance.

export const SEMINAR_KINDS: CodeList<'seminar' | 'family_meeting'> = [
  { code: 'seminar', label: '家族向け研修会' },
  { code: 'family_meeting', label: '家族教室・家族会' },
]

export const SEMINAR_REGISTRATION_STATUSES: CodeList<'confirmed' | 'waitlisted' | 'cancelled'> = [
  { code: 'confirmed', label: '参加確定' },
  { code: 'waitlisted', label: 'キャンセル待ち' },
  { code: 'cancelled', label: '取消し' },
]

export const seminarSummary = z.object({
  id: z.uuid(),
  kind: z.enum(codesOf(SEMINAR_KINDS)),
  organiser: z.string().describe('本市担当課 or the ward’s name'),
  title: z.string(),
  theme: z.string().nullable(),
  heldOn: isoDate,
  startTime: z.string().describe('HH:MM, Tokyo'),
  endTime: z.string().nullable(),
  place: z.string().nullable(),
  online: z.boolean(),
  capacity: z.number().int(),
  audience: z.string().nullable(),
  followUpSurvey: z
    .object({ id: z.uuid(), title: z.string() })
    .nullable()
    .describe('The survey families are asked to answer afterwards'),
  confirmedPeople: z.number().int().describe('People (not registrations) with a confirmed seat'),
  waitlistedPeople: z.number().int(),
})
export type SeminarSummary = z.infer<typeof seminarSummary>

export const seminarRegistration = z
  .object({
    id: z.uuid(),
    name: z.string(),
    attendees: z.number().int(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    needsChildcare: z.boolean(),
    needsSignLanguage: z.boolean(),
    needsNote: z.string().nullable(),
    status: z.enum(codesOf(SEMINAR_REGISTRATION_STATUSES)),
    waitlistPosition: z.number().int().nullable().describe('1 = next to move up'),
    attended: z.boolean().nullable(),
    remindedAt: z.string().nullable().describe('When the reminder mail was queued (the day before)'),
    callToRemind: z
      .boolean()
      .describe('Confirmed, the seminar is today or tomorrow and no reminder mail went: staff call instead'),
    createdAt: z.string(),
    promotedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    caseId: z.uuid().nullable().describe('The case the registrant consults on, once staff linked it'),
    personalDataRemoved: z
      .boolean()
      .describe('The retention period removed the name, contacts and note (counts and attendance stay)'),
  })
  .meta({ id: 'SeminarRegistration' })
export type SeminarRegistration = z.infer<typeof seminarRegistration>

export const seminarDetail = seminarSummary
  .extend({
    access: z.object({
      canManage: z.boolean().describe('The organiser: sees registrations, records attendance'),
    }),
    registrations: z.array(seminarRegistration).describe('Empty unless canManage'),
  })
  .meta({ id: 'SeminarDetail' })
export type SeminarDetail = z.infer<typeof seminarDetail>

export const listSeminars = defineContract({
  method: 'GET',
  path: '/api/seminars',
  summary: 'Seminars and family meetings of the city: upcoming (soonest first), past or all',
  tags: ['seminars'],
  query: z.object({
    when: z.enum(PERIODS, { error: '期間を一覧から選択してください' }).default('upcoming'),
    ...pageQuery,
  }),
  response: pageOf(seminarSummary),
})

const seminarId = z.object({ id: uuid })

export const getSeminar = defineContract({
  method: 'GET',
  path: '/api/seminars/:id',
  summary: 'A seminar; its registrations for the organiser only (audited)',
  tags: ['seminars'],
  params: seminarId,
  response: seminarDetail,
})

const seminarBody = z
  .object({
    kind: codeOf(SEMINAR_KINDS, '種類'),
    title: requiredText(200, '名称'),
    theme: optionalText(500).describe('テーマ'),
    heldOn: dateInput.describe('開催日'),
    startTime: timeInput.describe('開始時刻 HH:MM'),
    endTime: optionalTimeInput.describe('終了時刻 HH:MM'),
    place: optionalText(200).describe('会場'),
    online: z.boolean({ error: 'オンライン開催かどうかを選択してください' }).default(false),
    capacity: z.coerce
      .number({ error: '定員を数字で入力してください' })
      .int({ error: '定員は整数で入力してください' })
      .min(1, { error: '定員は1人以上にしてください' })
      .max(1000, { error: '定員は1000人以内にしてください' }),
    audience: optionalText(200).describe('対象（例：ひきこもり状態にある方のご家族）'),
    followUpSurveyId: uuid
      .nullable()
      .default(null)
      .describe('事後アンケート（GET /api/seminars/follow-up-surveys）'),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.online)
      ctx.addIssue({
        code: 'custom',
        path: ['place'],
        message: '会場を入力するか、オンライン開催を選択してください',
      })
    if (v.endTime && v.endTime <= v.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: '終了時刻は開始時刻より後にしてください' })
  })

export const createSeminar = defineContract({
  method: 'POST',
  path: '/api/seminars',
  summary: 'Schedule a seminar or family meeting: headquarters city-wide, a ward centre for its ward',
  tags: ['seminars'],
  body: seminarBody,
  response: seminarDetail,
  status: 201,
})

export const updateSeminar = defineContract({
  method: 'PUT',
  path: '/api/seminars/:id',
  summary:
    'Change a seminar (the organiser). A larger capacity moves waiting families up (with a notice); a capacity below the confirmed people is refused',
  tags: ['seminars'],
  params: seminarId,
  body: seminarBody,
  response: seminarDetail,
})

export const deleteSeminar = defineContract({
  method: 'DELETE',
  path: '/api/seminars/:id',
  summary:
    'Delete a seminar (the organiser): refused (409) while a family holds a seat or waits — cancel their registrations first, so each family is told; cancelled registrations go with it',
  tags: ['seminars'],
  params: seminarId,
  response: noContent,
  status: 204,
})

export const followUpSurveyChoice = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string().describe('draft | published | closed'),
})
export type FollowUpSurveyChoice = z.infer<typeof followUpSurveyChoice>

export const listFollowUpSurveys = defineContract({
  method: 'GET',
  path: '/api/seminars/follow-up-surveys',
  summary: "The city's surveys an organiser may name as a seminar's follow-up survey",
  tags: ['seminars'],
  response: z.array(followUpSurveyChoice),
})

const registrationParams = z.object({ id: uuid, registrationId: uuid })

export const cancelRegistration = defineContract({
  method: 'POST',
  path: '/api/seminars/:id/registrations/:registrationId/cancel',
  summary:
    'Cancel on the family’s behalf (the organiser, e.g. after a phone call): waiting families move up in order, with a notice',
  tags: ['seminars'],
  params: registrationParams,
  response: seminarRegistration,
})

export const linkRegistrationToCase = defineContract({
  method: 'POST',
  path: '/api/seminars/:id/registrations/:registrationId/case',
  summary:
    'Link a registrant who attended to the case they consult on: records a contact (面談, 家族・親族) on the seminar’s date, shown on the case’s timeline',
  tags: ['seminars'],
  params: registrationParams,
  body: z.object({ caseId: uuid }),
  response: seminarRegistration,
})

export const recordAttendance = defineContract({
  method: 'PATCH',
  path: '/api/seminars/:id/registrations/:registrationId',
  summary: 'Record whether a registrant attended (the organiser); null clears the record',
  tags: ['seminars'],
  params: registrationParams,
  body: z.object({
    attended: z.boolean({ error: '出席・欠席を選択してください' }).nullable(),
  }),
  response: seminarRegistration,
})
