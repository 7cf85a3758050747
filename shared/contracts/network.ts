import { z } from 'zod'
import {
  AGE_BANDS,
  CASE_LEADS,
  CONCERNS,
  codesOf,
  FIRST_CONSULTERS,
  GENDERS,
  NETWORK_MEETING_KINDS,
} from '../codes.ts'
import {
  codeOf,
  dateInput,
  isoDate,
  optionalText,
  PERIODS,
  pageOf,
  pageQuery,
  requiredText,
  timeInput,
  uuid,
} from './common.ts'
import { defineContract, noContent } from './define.ts'

// City-wide meetings headquarters schedules (担当者会議, 支援ミーティング) and the cases shared to
// case-study meetings, as anonymised summaries only.

export const networkMeetingSummary = z.object({
  id: z.uuid(),
  kind: z.enum(codesOf(NETWORK_MEETING_KINDS)),
  title: z.string(),
  heldOn: isoDate,
  startTime: z.string().nullable().describe('HH:MM, Tokyo'),
  place: z.string().nullable(),
  shareCount: z.number().int().describe('Cases shared to the meeting'),
})
export type NetworkMeetingSummary = z.infer<typeof networkMeetingSummary>

/**
 * A case as shared to a case-study meeting: coarse facts the server copied and the sharer's own
 * anonymised words. Never the case's id, number, name, kana or dates.
 */
export const caseStudyShare = z
  .object({
    id: z.uuid(),
    title: z.string(),
    origin: z.string().describe('Who shared it: the ward’s name, 相談窓口 or よりそい支援員'),
    ageBand: z.enum(codesOf(AGE_BANDS)),
    gender: z.enum(codesOf(GENDERS)),
    firstConsulter: z.enum(codesOf(FIRST_CONSULTERS)),
    concerns: z.array(z.enum(codesOf(CONCERNS))),
    lead: z.enum(codesOf(CASE_LEADS)).nullable().describe('主担当 at the time of sharing'),
    openedFiscalYear: z.string().nullable().describe('年度 of the opening, e.g. 令和3年度 (never the date)'),
    summary: z.string(),
    question: z.string().nullable().describe('What the sharer would like the meeting to discuss'),
    sharedByName: z.string().nullable(),
    sharedAt: z.string(),
    canDelete: z.boolean().describe('The sharer, or headquarters'),
  })
  .meta({ id: 'CaseStudyShare' })
export type CaseStudyShare = z.infer<typeof caseStudyShare>

export const networkMeetingDetail = networkMeetingSummary
  .extend({
    note: z.string().nullable(),
    updatedAt: z.string(),
    access: z.object({
      canEdit: z.boolean().describe('Headquarters'),
      canShare: z.boolean().describe('A case-study meeting not yet past, and the caller works on cases'),
    }),
    shares: z.array(caseStudyShare),
  })
  .meta({ id: 'NetworkMeetingDetail' })
export type NetworkMeetingDetail = z.infer<typeof networkMeetingDetail>

export const NETWORK_WHEN = PERIODS

export const listNetworkMeetings = defineContract({
  method: 'GET',
  path: '/api/network-meetings',
  summary: 'City-wide meetings: upcoming (from today, soonest first), past (latest first) or all',
  tags: ['network'],
  query: z.object({
    when: z.enum(NETWORK_WHEN, { error: '期間を一覧から選択してください' }).default('upcoming'),
    ...pageQuery,
  }),
  response: pageOf(networkMeetingSummary),
})

const meetingId = z.object({ id: uuid })

export const getNetworkMeeting = defineContract({
  method: 'GET',
  path: '/api/network-meetings/:id',
  summary: 'A city-wide meeting with the case summaries shared to it',
  tags: ['network'],
  params: meetingId,
  response: networkMeetingDetail,
})

/** '' or null = no start time; '9:30' → '09:30'. */
const startTime = z
  .union([z.literal(''), z.null(), timeInput], { error: '時刻は「14:05」のように24時間制で入力してください' })
  .optional()
  .transform((v) => (v ? v : null))

const meetingFields = {
  kind: codeOf(NETWORK_MEETING_KINDS, '会議の種類'),
  title: requiredText(200, '会議名'),
  heldOn: dateInput.describe('開催日'),
  startTime: startTime.describe('開始時刻 HH:MM'),
  place: optionalText(200).describe('場所'),
  note: optionalText(2000, { multiline: true }).describe('案内・議題 (no personal data)'),
}

export const createNetworkMeeting = defineContract({
  method: 'POST',
  path: '/api/network-meetings',
  summary: 'Schedule a city-wide meeting (headquarters)',
  tags: ['network'],
  body: z.object(meetingFields),
  response: networkMeetingDetail,
  status: 201,
})

export const updateNetworkMeeting = defineContract({
  method: 'PATCH',
  path: '/api/network-meetings/:id',
  summary: 'Change a city-wide meeting (headquarters); only the fields sent change',
  tags: ['network'],
  params: meetingId,
  body: z.object({
    kind: meetingFields.kind.optional(),
    title: meetingFields.title.optional(),
    heldOn: meetingFields.heldOn.optional(),
    startTime: startTime.optional(),
    place: optionalText(200).optional(),
    note: optionalText(2000, { multiline: true }).optional(),
  }),
  response: networkMeetingDetail,
})

export const deleteNetworkMeeting = defineContract({
  method: 'DELETE',
  path: '/api/network-meetings/:id',
  summary: 'Delete a city-wide meeting to which no case is shared (headquarters)',
  tags: ['network'],
  params: meetingId,
  response: noContent,
  status: 204,
})

export const shareCase = defineContract({
  method: 'POST',
  path: '/api/network-meetings/:id/shares',
  summary:
    'Share a case the caller may read to a case-study meeting as an anonymised summary; ' +
    'text naming the person (name, kana), the case number or an exact date is refused',
  tags: ['network'],
  params: meetingId,
  body: z.object({
    caseId: z.uuid({ error: '共有するケースを選択してください' }),
    title: requiredText(100, '表題'),
    summary: requiredText(2000, '概要', { multiline: true }),
    question: optionalText(1000, { multiline: true }).describe('検討したいこと'),
  }),
  response: caseStudyShare,
  status: 201,
})

export const unshareCase = defineContract({
  method: 'DELETE',
  path: '/api/network-meetings/:id/shares/:shareId',
  summary: 'Withdraw a shared case (its sharer, or headquarters)',
  tags: ['network'],
  params: z.object({ id: uuid, shareId: uuid }),
  response: noContent,
  status: 204,
})
