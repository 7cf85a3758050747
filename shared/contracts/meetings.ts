// Wards' support coordination meetings (ひきこもり支援調整会議) and the directory of outside
// agencies. Who may see what is decided on the server (docs/domain.md): the ward's coordinator
// runs the meeting, the ward's staff read it, invited agencies read the agenda's cases only
// after acknowledging confidentiality and only until `agendaVisibleUntil`.
import { z } from 'zod'
import {
  AGE_BANDS,
  CASE_LEADS,
  CONCERNS,
  codesOf,
  FIRST_CONSULTERS,
  GENDERS,
  MEETING_STATUSES,
  NEW_CASE_ROUTES,
  REVIEW_KINDS,
  UNIT_KINDS,
  URGENCIES,
  WARD_SECTIONS,
  WARD_STATES,
} from '../codes.ts'
import { typedDate } from '../typed-dates.ts'
import {
  codeOf,
  dateInput,
  INVALID_DATE_MESSAGE,
  idParams,
  isoDate,
  optionalText,
  PERIODS,
  pageOf,
  pageQuery,
  readTime,
  requiredText,
  textInput,
  uuid,
} from './common.ts'
import { defineContract, noContent } from './define.ts'

/**
 * What an agency member confirms before the agenda's cases are shown (守秘義務の確認).
 * The web shows this text beside the confirmation; the server records the moment.
 */
export const CONFIDENTIALITY_NOTICE =
  'この会議は、生活困窮者自立支援法に基づく支援会議です。会議の構成員には守秘義務が課され、' +
  '会議で知り得た秘密を正当な理由なく漏らした者は、1年以下の拘禁刑又は100万円以下の罰金に処せられます。' +
  '検討ケースの情報は、支援の検討のためにのみ用い、会議の目的以外に利用・提供しません。'

const meetingStatus = z.enum(codesOf(MEETING_STATUSES))
const lead = z.enum(codesOf(CASE_LEADS))
const reviewKind = z.enum(codesOf(REVIEW_KINDS))
const newCaseRoute = z.enum(codesOf(NEW_CASE_ROUTES))

// Optional form values: '' or null or omitted → null. A plain string with a transform (not a
// union) so that a wrong value gets its own Japanese message rather than a union's generic one.
function optional<T>(check: (value: string) => T | undefined, message: string) {
  return textInput()
    .trim()
    .nullish()
    .transform((v, ctx): T | null => {
      if (!v) return null
      const value = check(v)
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return value
    })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** An identifier picked from a list (form selects send '' for none). */
const optionalUuid = optional((v) => (UUID.test(v) ? v.toLowerCase() : undefined), '一覧から選択してください')

const optionalTime = optional(
  (v) => readTime(v) ?? undefined,
  '時刻は「14:05」のように24時間制で入力してください',
).describe('開始時刻 HH:MM, Tokyo')

const optionalDate = optional(typedDate, INVALID_DATE_MESSAGE)

const optionalLead = optional((v) => CASE_LEADS.find((l) => l.code === v)?.code, '主担当を選択してください')

const optionalRoute = optional(
  (v) => NEW_CASE_ROUTES.find((r) => r.code === v)?.code,
  '新規ケース経路を選択してください',
)

// ---------------------------------------------------------------------------------------------
// Shapes

export const meetingSummary = z.object({
  id: z.uuid(),
  meetingNo: z.string(),
  ward: z.string(),
  wardName: z.string(),
  heldOn: isoDate,
  startTime: z.string().nullable(),
  place: z.string().nullable(),
  status: meetingStatus,
  agendaCount: z.number().int(),
  decidedCount: z.number().int(),
  acknowledgedAt: z.string().nullable().describe('The caller’s confidentiality acknowledgement, if any'),
})
export type MeetingSummary = z.infer<typeof meetingSummary>

export const decision = z
  .object({
    reviewId: z.uuid(),
    policy: z.string().nullable().describe('支援方針'),
    lead,
    leadUnitId: z.uuid().nullable(),
    leadUnitName: z.string().nullable().describe('主担当機関 (for imported reviews, the ledger’s text)'),
    leadAccountId: z.uuid().nullable(),
    leadAccountName: z.string().nullable(),
    assignments: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), task: z.string() })),
    nextReviewOn: isoDate.nullable().describe('次回確認日'),
  })
  .meta({ id: 'Decision' })
export type Decision = z.infer<typeof decision>

/**
 * 方針案: the coordinator's proposal for a case, written before the meeting. It never counts
 * anywhere (report, lead, caseloads): only the meeting's decision does. Ward readers only.
 */
export const draftDecision = z
  .object({
    policy: z.string().nullable().describe('支援方針（案）'),
    lead: lead.nullable(),
    leadUnitId: z.uuid().nullable(),
    leadUnitName: z.string().nullable(),
    leadAccountId: z.uuid().nullable(),
    leadAccountName: z.string().nullable(),
    assignments: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), task: z.string() })),
    nextReviewOn: isoDate.nullable(),
    savedAt: z.string().describe('When the draft was last saved'),
  })
  .meta({ id: 'DraftDecision' })
export type DraftDecision = z.infer<typeof draftDecision>

/** The fields of a case an attending agency may read (never name, kana, age, contacts). */
export const agendaCase = z
  .object({
    ageBand: z.enum(codesOf(AGE_BANDS)),
    gender: z.enum(codesOf(GENDERS)),
    firstConsulter: z.enum(codesOf(FIRST_CONSULTERS)),
    concerns: z.array(z.enum(codesOf(CONCERNS))),
    urgency: z.enum(codesOf(URGENCIES)),
    wardRoute: newCaseRoute.nullable(),
    handoverSummary: z.string().nullable(),
    wardAssessment: z.string().nullable(),
    consentOn: isoDate.nullable(),
    consentNote: z.string().nullable(),
    progressSummary: z.string().nullable().describe('The support plan’s progress summary'),
    previousDecision: decision.nullable().describe('The decision of the latest earlier meeting'),
  })
  .meta({ id: 'AgendaCase' })
export type AgendaCase = z.infer<typeof agendaCase>

export const agendaItem = z
  .object({
    caseId: z.uuid(),
    caseNo: z.string(),
    position: z.number().int().describe('1, 2, … in the agenda’s order'),
    kind: reviewKind,
    route: newCaseRoute.nullable(),
    name: z.string().nullable().describe('氏名; always null for agency members'),
    case: agendaCase,
    decision: decision.nullable().describe('This meeting’s decision, once recorded'),
    draft: draftDecision
      .nullable()
      .describe('The coordinator’s 方針案 while no decision is recorded; always null for agency members'),
  })
  .meta({ id: 'AgendaItem' })
export type AgendaItem = z.infer<typeof agendaItem>

export const meetingAttendee = z
  .object({
    unitId: z.uuid(),
    name: z.string(),
    kind: z.enum(codesOf(UNIT_KINDS)),
    sectionCode: z.enum(codesOf(WARD_SECTIONS)).nullable(),
    attended: z.boolean(),
  })
  .meta({ id: 'MeetingAttendee' })
export type MeetingAttendee = z.infer<typeof meetingAttendee>

export const meetingDetail = z
  .object({
    id: z.uuid(),
    meetingNo: z.string(),
    ward: z.string(),
    wardName: z.string(),
    heldOn: isoDate,
    startTime: z.string().nullable(),
    place: z.string().nullable(),
    chair: z.string().nullable(),
    status: meetingStatus,
    minutesNote: z.string().nullable(),
    updatedAt: z.string(),
    attendees: z.array(meetingAttendee),
    acknowledgement: z.object({
      required: z.boolean().describe('True for agency members: the agenda is shown only after it'),
      acknowledgedAt: z.string().nullable(),
      text: z
        .string()
        .describe('What the caller acknowledges: the city’s current wording, or the statutory default'),
      textVersion: z
        .number()
        .int()
        .nullable()
        .describe(
          'The version of the city’s wording shown (null: the default); send it back when acknowledging',
        ),
    }),
    access: z.object({
      canEdit: z.boolean(),
      canReadAgenda: z.boolean(),
      agendaVisibleUntil: isoDate
        .nullable()
        .describe('For agency members: the last day the agenda may be read (meeting date + agencyViewDays)'),
    }),
    agenda: z.array(agendaItem).describe('Empty when access.canReadAgenda is false'),
  })
  .meta({ id: 'MeetingDetail' })
export type MeetingDetail = z.infer<typeof meetingDetail>

export const candidate = z
  .object({
    caseId: z.uuid(),
    caseNo: z.string(),
    name: z.string().nullable(),
    ageBand: z.enum(codesOf(AGE_BANDS)),
    wardState: z.enum(codesOf(WARD_STATES)).nullable(),
    wardRoute: newCaseRoute.nullable(),
    nextReviewOn: isoDate.nullable(),
    lead: lead.nullable(),
  })
  .meta({ id: 'AgendaCandidate' })
export type Candidate = z.infer<typeof candidate>

/** A meeting as other screens name it (a case already on its agenda, the previous meeting). */
export const meetingRef = z.object({ meetingId: z.uuid(), meetingNo: z.string(), heldOn: isoDate })
export type MeetingRef = z.infer<typeof meetingRef>

export const candidateElsewhere = candidate
  .extend({ onMeeting: meetingRef.describe('The meeting still to be held whose agenda has the case') })
  .meta({ id: 'AgendaCandidateElsewhere' })
export type CandidateElsewhere = z.infer<typeof candidateElsewhere>

export const caseReview = z.object({
  meetingId: z.uuid(),
  meetingNo: z.string(),
  heldOn: isoDate,
  ward: z.string(),
  kind: reviewKind,
  route: newCaseRoute.nullable(),
  decision,
})
export type CaseReview = z.infer<typeof caseReview>

// ---------------------------------------------------------------------------------------------
// Inputs

/** The meeting's own facts: the form to schedule a meeting (POST) and, partially, to edit it. */
export const meetingFields = z.object({
  heldOn: dateInput.describe('開催日'),
  startTime: optionalTime,
  place: optionalText(200).describe('場所'),
  chair: optionalText(100).describe('議長 (保健福祉センター長)'),
})

/** Scheduling: a second meeting of the ward on one date is refused (409) unless confirmed. */
export const newMeetingFields = meetingFields.extend({
  confirmSameDate: z
    .boolean()
    .default(false)
    .describe('True when the coordinator confirmed another meeting of the ward on the same date'),
})

export const meetingPatch = meetingFields.partial().extend({
  minutesNote: optionalText(8000, { multiline: true }).optional().describe('議事録の全体メモ'),
})

export const decisionFields = z.object({
  policy: optionalText(4000, { multiline: true }).describe('支援方針'),
  lead: codeOf(CASE_LEADS, '主担当'),
  leadUnitId: optionalUuid.describe(
    'ward_section: one of the ward’s sections; specialist: an agency; accompaniment: (ignored) the team',
  ),
  leadAccountId: optionalUuid.describe('accompaniment: the accompaniment worker'),
  assignments: z
    .array(
      z.object({
        unitId: z.uuid({ error: '担当する機関・課を選択してください' }),
        task: requiredText(500, '役割'),
      }),
    )
    .max(30, { error: '役割分担は30件以内で入力してください' })
    .default([]),
  nextReviewOn: optionalDate.describe('次回確認日 (after the meeting date)'),
})

/** 方針案: as the decision, but anything may still be missing. */
export const draftFields = decisionFields.extend({ lead: optionalLead.describe('主担当（案）') })

const meetingParams = z.object({ meetingId: uuid })
const agendaParams = z.object({ meetingId: uuid, caseId: uuid })

// ---------------------------------------------------------------------------------------------
// Endpoints

export const MEETING_WHEN = PERIODS

export const listMeetings = defineContract({
  method: 'GET',
  path: '/api/meetings',
  summary:
    'Meetings the caller may see: the ward’s (coordinator, staff) or those the caller’s agency is invited to; 403 for other roles',
  tags: ['meetings'],
  query: z.object({
    when: z.enum(MEETING_WHEN).default('all').describe('upcoming: today or later; past: before today'),
    ...pageQuery,
  }),
  response: pageOf(meetingSummary),
})

export const createMeeting = defineContract({
  method: 'POST',
  path: '/api/meetings',
  summary: 'Schedule a meeting of the coordinator’s ward; the product numbers it',
  tags: ['meetings'],
  body: newMeetingFields,
  response: meetingDetail,
  status: 201,
})

export const getMeetingDefaults = defineContract({
  method: 'GET',
  path: '/api/meetings/defaults',
  summary:
    'What the form to schedule the next meeting starts from: the ward’s latest meeting’s place, chair and start time, and a date a month after it on the same weekday (coordinator)',
  tags: ['meetings'],
  response: z.object({
    previous: meetingRef.nullable().describe('The ward’s latest meeting (by date), if any'),
    heldOn: isoDate
      .nullable()
      .describe('Suggested date: the same week and weekday of the next month, not before today'),
    startTime: z.string().nullable(),
    place: z.string().nullable(),
    chair: z.string().nullable(),
  }),
})

export const getMeeting = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId',
  summary: 'One meeting with its attendees and (when the caller may read it) its agenda; 404 outside scope',
  tags: ['meetings'],
  params: meetingParams,
  response: meetingDetail,
})

export const updateMeeting = defineContract({
  method: 'PATCH',
  path: '/api/meetings/:meetingId',
  summary: 'Change the meeting’s date, time, place, chair or minutes note (coordinator)',
  tags: ['meetings'],
  params: meetingParams,
  body: meetingPatch,
  response: meetingDetail,
})

export const deleteMeeting = defineContract({
  method: 'DELETE',
  path: '/api/meetings/:meetingId',
  summary: 'Delete a scheduled meeting without decisions (409 otherwise)',
  tags: ['meetings'],
  params: meetingParams,
  response: noContent,
  status: 204,
})

export const getMeetingCandidates = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId/candidates',
  summary:
    'Cases that may be put on the agenda: new (ward_state ready, no lead) and continuing (next review due by the meeting date)',
  tags: ['meetings'],
  params: meetingParams,
  response: z.object({
    new: z.array(candidate),
    continuing: z.array(candidate),
    elsewhere: z
      .array(candidateElsewhere)
      .describe('Cases that would be candidates but are on the agenda of another meeting still to be held'),
  }),
})

export const addAgendaItem = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/agenda',
  summary: 'Put a case of the ward on the agenda (at the end)',
  tags: ['meetings'],
  params: meetingParams,
  body: z.object({
    caseId: z.uuid({ error: 'ケースを選択してください' }),
    kind: codeOf(REVIEW_KINDS, '区分'),
    route: optionalRoute.describe('新規ケース経路; for new cases, defaults to the case’s ward route'),
    move: z
      .boolean()
      .default(false)
      .describe(
        'A case sits on one open agenda: true moves it (with its draft) from another meeting still to be held; otherwise such a case is a 409',
      ),
  }),
  response: meetingDetail,
  status: 200,
})

export const getAgendaCase = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId/agenda/:caseId',
  summary:
    'One agenda case as the caller may see it: for an agency member only after the acknowledgement and within the reading period (404 otherwise)',
  tags: ['meetings'],
  params: agendaParams,
  response: agendaItem,
})

export const removeAgendaItem = defineContract({
  method: 'DELETE',
  path: '/api/meetings/:meetingId/agenda/:caseId',
  summary: 'Take a case off the agenda (only while no decision is recorded for it)',
  tags: ['meetings'],
  params: agendaParams,
  response: meetingDetail,
})

export const reorderAgenda = defineContract({
  method: 'PUT',
  path: '/api/meetings/:meetingId/agenda/order',
  summary: 'Set the agenda’s order: every case on the agenda, once each',
  tags: ['meetings'],
  params: meetingParams,
  body: z.object({ caseIds: z.array(uuid).max(500) }),
  response: meetingDetail,
})

export const getInvitable = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId/invitable',
  summary: 'Who may be invited or named: the ward’s sections, agencies, accompaniment workers, section staff',
  tags: ['meetings'],
  params: meetingParams,
  response: z.object({
    sections: z.array(
      z.object({
        unitId: z.uuid(),
        name: z.string(),
        sectionCode: z.enum(codesOf(WARD_SECTIONS)).nullable(),
      }),
    ),
    agencies: z.array(z.object({ unitId: z.uuid(), name: z.string() })),
    accompanimentTeam: z
      .object({ unitId: z.uuid(), name: z.string() })
      .nullable()
      .describe('The accompaniment workers’ unit, invitable as an attendee'),
    accompanimentWorkers: z.array(z.object({ accountId: z.uuid(), name: z.string() })),
    sectionStaff: z.array(z.object({ accountId: z.uuid(), name: z.string(), unitId: z.uuid() })),
  }),
})

export const createAgency = defineContract({
  method: 'POST',
  path: '/api/agencies',
  summary:
    'Add an outside organisation to the directory of agencies (coordinator or headquarters); 409 if it exists',
  tags: ['meetings'],
  body: z.object({ name: requiredText(100, '機関名') }),
  response: z.object({ unitId: z.uuid(), name: z.string() }),
  status: 201,
})

export const setAttendees = defineContract({
  method: 'PUT',
  path: '/api/meetings/:meetingId/attendees',
  summary: 'Replace the invitation list; `attended` records who was present',
  tags: ['meetings'],
  params: meetingParams,
  body: z.object({
    attendees: z
      .array(
        z.object({
          unitId: z.uuid({ error: '出席者を選択してください' }),
          attended: z.boolean().default(false),
        }),
      )
      .max(100),
  }),
  response: meetingDetail,
})

export const acknowledgeMeeting = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/acknowledgement',
  summary: 'Record the caller’s confidentiality acknowledgement (守秘義務の確認) for this meeting',
  tags: ['meetings'],
  params: meetingParams,
  body: z.object({
    confirm: z.literal(true, { error: '守秘義務の内容を確認し、確認欄にチェックしてください' }),
    textVersion: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe(
        'The wording’s version the caller read; a newer one answers 409, so nobody agrees to text unseen',
      ),
  }),
  response: meetingDetail,
})

export const recordDecision = defineContract({
  method: 'PUT',
  path: '/api/meetings/:meetingId/decisions/:caseId',
  summary:
    'Record (or correct) the meeting’s decision on an agenda case: lead, assignments, next review; 409 before the meeting date',
  tags: ['meetings'],
  params: agendaParams,
  body: decisionFields,
  response: meetingDetail,
})

export const saveDraft = defineContract({
  method: 'PUT',
  path: '/api/meetings/:meetingId/drafts/:caseId',
  summary:
    'Save the coordinator’s 方針案 for an agenda case, at any time before the decision; it counts nowhere until the meeting decides',
  tags: ['meetings'],
  params: agendaParams,
  body: draftFields,
  response: meetingDetail,
})

export const PAPERS_FOR_WARD = 'ward'

export const getMeetingPapers = defineContract({
  method: 'GET',
  path: '/api/meetings/:meetingId/papers',
  summary:
    '会議資料 to print before the meeting, as one attendee may read it: the ward’s copy, or an invited agency’s (no names; no cases before one of its members acknowledged confidentiality)',
  tags: ['meetings'],
  params: meetingParams,
  query: z.object({
    for: textInput()
      .default(PAPERS_FOR_WARD)
      .refine((v) => v === PAPERS_FOR_WARD || UUID.test(v), { error: '資料の配布先を選択してください' })
      .transform((v) => v.toLowerCase())
      .describe('ward, or the unit id of an invited agency'),
  }),
  response: z.object({
    audience: z.object({
      kind: z.enum(['ward', 'agency']),
      unitId: z.uuid().nullable(),
      name: z.string(),
      acknowledged: z.boolean().describe('For an agency: one of its members acknowledged for this meeting'),
    }),
    agenda: z.array(agendaItem).describe('Empty for an agency that has not acknowledged'),
    agendaCount: z.number().int(),
  }),
})

export const markMeetingHeld = defineContract({
  method: 'POST',
  path: '/api/meetings/:meetingId/held',
  summary: 'Record the meeting as held (not before its date)',
  tags: ['meetings'],
  params: meetingParams,
  response: meetingDetail,
})

export const listCaseReviews = defineContract({
  method: 'GET',
  path: '/api/cases/:id/reviews',
  summary: 'The meetings’ decisions on a case, newest first (anyone who may read the case)',
  tags: ['meetings'],
  params: idParams,
  response: z.array(caseReview),
})

/** The minutes (議事録) as an Excel workbook (binary; registered outside the JSON contracts). */
export const MEETING_MINUTES_XLSX_PATH = '/api/meetings/:meetingId/minutes.xlsx'
export const meetingMinutesXlsxPath = (meetingId: string) => `/api/meetings/${meetingId}/minutes.xlsx`
export const MEETING_MINUTES_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
