import { z } from 'zod'
import {
  AGE_BANDS,
  CASE_LEADS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  CONCERNS,
  COUNTERPARTS,
  codesOf,
  FIRST_CONSULTERS,
  GENDERS,
  NEW_CASE_ROUTES,
  RELATIONSHIPS,
  ROUTES,
  URGENCIES,
  WARD_STATES,
} from '../codes.ts'
import { MATCH_FIELDS } from '../search-match.ts'
import {
  codeOf,
  dateInput,
  idParams,
  isoDate,
  optionalDateInput,
  optionalText,
  pageOf,
  pageQuery,
  requiredText,
  textInput,
  uuid,
} from './common.ts'
import { contact, contactFields } from './contacts.ts'
import { defineContract } from './define.ts'
import { person, personFields } from './people.ts'

const wardCode = textInput().trim().min(1).max(40).describe('Ward code (see /api/wards)')

/** `true` keeps only the cases in the 8050 situation; `false` (or no filter) keeps all. */
export const flag8050 = z
  .enum(['true', 'false'], { error: '「true」か「false」を指定してください' })
  .transform((v) => v === 'true')
  .describe('8050 filter: true = only cases flagged 8050')

/** The intake fields without defaults, so that a correction (PATCH) changes only what it names. */
const intakeFields = z.object({
  openedOn: dateInput.describe('受付日 (2021-08-31, 2021/8/31, R3.8.31 or 令和3年8月31日)'),
  ward: wardCode.nullish().describe('居住区; null = unknown'),
  age: z.coerce
    .number({ error: '年齢は数字で入力してください' })
    .int({ error: '年齢は整数で入力してください' })
    .min(0, { error: '年齢は0以上で入力してください' })
    .max(130, { error: '年齢は130以下で入力してください' })
    .nullish(),
  birthYear: z.coerce
    .number({ error: '生まれ年は数字で入力してください' })
    .int({ error: '生まれ年は西暦4桁で入力してください' })
    .min(1900, { error: '生まれ年は1900年以降で入力してください' })
    .max(2200, { error: '生まれ年が未来になっています' })
    // Checked at run time, not as a schema bound: a bound of "this year" would change the
    // committed OpenAPI document every New Year.
    .refine((y) => y <= new Date().getFullYear(), { error: '生まれ年が未来になっています' })
    .nullish(),
  ageBand: z
    .enum(codesOf(AGE_BANDS))
    .nullish()
    .describe('年齢区分; derived from age or birth year when given'),
  firstConsulter: codeOf(FIRST_CONSULTERS, '相談者'),
  route: z.enum(codesOf(ROUTES)),
  concerns: z.array(z.enum(codesOf(CONCERNS))).max(CONCERNS.length),
  urgency: z.enum(codesOf(URGENCIES)),
  name: optionalText(100).describe('氏名 (personal data)'),
  kana: optionalText(100)
    .refine((v) => v == null || /^[\p{Script=Hiragana}\p{Script=Katakana}ー\s・]+$/u.test(v), {
      error: 'ふりがなはひらがなかカタカナで入力してください',
    })
    .describe('ふりがな (personal data)'),
  gender: z.enum(codesOf(GENDERS)),
  staffId: uuid.nullish().describe('担当者; the creator when omitted'),
})

/** The intake form: every field of the `cases` ledger sheet a counsellor enters. */
export const caseFields = intakeFields.extend({
  route: intakeFields.shape.route.default('unknown'),
  concerns: intakeFields.shape.concerns.default([]),
  urgency: intakeFields.shape.urgency.default('normal'),
  gender: intakeFields.shape.gender.default('unknown'),
})

export const caseSummary = z
  .object({
    id: z.uuid(),
    caseNo: z.string(),
    openedOn: isoDate,
    intakeUnit: z.string().describe("'window' or a ward code"),
    status: z.enum(codesOf(CASE_STATUSES)),
    urgency: z.enum(codesOf(URGENCIES)),
    ageBand: z.enum(codesOf(AGE_BANDS)),
    ward: z.string().nullable(),
    firstConsulter: z.enum(codesOf(FIRST_CONSULTERS)),
    name: z.string().nullable(),
    kana: z.string().nullable(),
    staffName: z.string().nullable(),
    handedOverTo: z.string().nullable(),
    lastContactOn: isoDate.nullable(),
    contactCount: z.number().int(),
    lead: z
      .enum(codesOf(CASE_LEADS))
      .nullable()
      .describe('主担当 decided by the ward’s meeting; null before'),
    nextReviewOn: isoDate.nullable().describe('次回確認日 set by the meeting'),
    household8050: z
      .boolean()
      .describe('8050: the person is 40 or over and lives with a parent of 70 or over or with care needs'),
  })
  .meta({ id: 'CaseSummary' })
export type CaseSummary = z.infer<typeof caseSummary>

export const caseDetail = caseSummary
  .extend({
    age: z.number().int().nullable(),
    birthYear: z.number().int().nullable(),
    route: z.enum(codesOf(ROUTES)),
    concerns: z.array(z.enum(codesOf(CONCERNS))),
    gender: z.enum(codesOf(GENDERS)),
    staffId: z.uuid().nullable(),
    handedOverOn: isoDate.nullable(),
    handoverSummary: z.string().nullable(),
    wardState: z.enum(codesOf(WARD_STATES)).nullable(),
    wardRoute: z
      .enum(codesOf(NEW_CASE_ROUTES))
      .nullable()
      .describe('新規ケース経路: window (handed over) | ward_section | agency (opened at the ward)'),
    wardAssessment: z.string().nullable().describe('The ward’s additional assessment (追加アセスメント)'),
    consentOn: isoDate.nullable().describe('本人同意: the date the person agreed to share the case'),
    consentNote: z.string().nullable(),
    leadUnitId: z.uuid().nullable(),
    leadUnitName: z.string().nullable(),
    leadAccountId: z.uuid().nullable(),
    leadAccountName: z.string().nullable(),
    closedOn: isoDate.nullable(),
    closureReason: z.enum(codesOf(CLOSURE_REASONS)).nullable(),
    closureNote: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CaseDetail' })
export type CaseDetail = z.infer<typeof caseDetail>

/** relevance: a search's best matches first (the default with q); without q, as openedOn. */
export const CASE_SORTS = ['openedOn', 'caseNo', 'lastContactOn', 'urgency', 'kana', 'relevance'] as const

export const caseMatch = z
  .object({
    field: z.enum(MATCH_FIELDS),
    relationship: z
      .enum(codesOf(RELATIONSHIPS))
      .nullable()
      .describe('続柄 of the consulter or household member whose field it was; null for the case’s own'),
    consulter: z
      .boolean()
      .nullable()
      .describe('相談者 (true) or household member only (false); null as above'),
  })
  .describe('The field the search found the case by (the field only, never its value)')

export const caseListItem = caseSummary.extend({ match: caseMatch.nullable() })
export type CaseListItem = z.infer<typeof caseListItem>

export const listCases = defineContract({
  method: 'GET',
  path: '/api/cases',
  summary: 'Cases in the caller’s scope, filtered, sorted and paged',
  tags: ['cases'],
  query: z.object({
    status: z.enum(codesOf(CASE_STATUSES)).optional(),
    ageBand: z.enum(codesOf(AGE_BANDS)).optional(),
    ward: wardCode.optional(),
    urgency: z.enum(codesOf(URGENCIES)).optional(),
    firstConsulter: z.enum(codesOf(FIRST_CONSULTERS)).optional(),
    staffId: uuid.optional(),
    openedFrom: dateInput.optional(),
    openedTo: dateInput.optional(),
    q: textInput()
      .trim()
      .max(100)
      .optional()
      .describe(
        'Search: case number, phone number (any formatting), mail address, or the name or kana of the person or of anyone around them; names fold kana, width, spaces, ー and variant kanji',
      ),
    flag8050: flag8050.optional(),
    sort: z.enum(CASE_SORTS).optional().describe('Default: relevance with q, else openedOn'),
    order: z.enum(['asc', 'desc']).default('desc'),
    ...pageQuery,
    after: z
      .string()
      .max(2000)
      .regex(/^[\w-]+$/, '続きの位置の値が正しくありません')
      .optional()
      .describe(
        'Keyset pagination: nextCursor of the previous page (same filters, sort and order); page is then ignored. Not with q',
      ),
  }),
  response: pageOf(caseListItem).extend({
    totalIsLowerBound: z
      .boolean()
      .describe(
        'True when a search found more cases than it ranks (500): total is then how many were ranked, and there are more',
      ),
    totalIsEstimate: z
      .boolean()
      .describe('True when more than 5,000 cases match: total is then the database’s estimate (shown as 約)'),
    nextCursor: z
      .string()
      .nullable()
      .describe('For the next page as `after` (null on the last page, and for a search)'),
  }),
})

/**
 * The conversation that opened the case (初回の相談), recorded with it in one transaction so that
 * it counts in 表3 like any later contact. Its staff member is the case's.
 */
export const firstContactFields = contactFields
  // personId: the intake names its caller through its own fields (the people of a new case).
  .omit({ contactedOn: true, counterpart: true, staffId: true, personId: true })
  .extend({
    contactedOn: optionalDateInput.describe('対応日; the opening date when omitted'),
    counterpart: z
      .enum(codesOf(COUNTERPARTS), { error: '対象を選択してください' })
      .nullish()
      .describe('対象; derived from the first consulter when omitted (関係機関 → その他)'),
  })

export const createCase = defineContract({
  method: 'POST',
  path: '/api/cases',
  summary:
    'Open a case at the caller’s unit (the window, or the caller’s ward centre), with the conversation that opened it',
  tags: ['cases'],
  body: caseFields.extend({
    firstConsulter: caseFields.shape.firstConsulter
      .nullish()
      .describe(
        '相談者; derived from who called when omitted (the consulter’s 続柄, else the first contact’s 対象)',
      ),
    wardRoute: z
      .enum(['ward_section', 'agency'], { error: '新規ケース経路を選択してください' })
      .nullish()
      .describe(
        '新規ケース経路 of a case opened at a ward centre (required there): ward_section | agency; not for the window',
      ),
    consulter: personFields
      .nullish()
      .describe(
        'Who called, when someone around the person (or the person, 本人, to keep their phone): added to the case’s people and named by the first contact; 相談者 and 対象 follow from its 続柄 unless given',
      ),
    firstContact: firstContactFields
      .nullish()
      .describe(
        'The intake conversation, stored as the case’s first contact (the intake form always sends it)',
      ),
  }),
  response: caseDetail.extend({
    firstContact: contact.nullable().describe('The first contact as stored; null when none was sent'),
    consulter: person.nullable().describe('The consulter as stored; null when none was sent'),
  }),
  status: 201,
})

export const similarCandidate = z.object({
  id: z.uuid(),
  caseNo: z.string(),
  openedOn: isoDate,
  status: z.enum(codesOf(CASE_STATUSES)),
  name: z.string().nullable(),
  kana: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  ward: z.string().nullable(),
  gender: z.enum(codesOf(GENDERS)),
  matchedOn: z.array(z.enum(['name', 'kana', 'phone', 'birth_ward_gender'])),
})

export const findSimilarCases = defineContract({
  method: 'GET',
  path: '/api/cases/similar',
  summary:
    'Cases in scope about possibly the same person: same name or kana (folded as the search does), a consulter’s or household member’s phone number, or same birth year, ward and gender',
  tags: ['cases'],
  query: z.object({
    name: textInput().trim().max(100).optional(),
    kana: textInput().trim().max(100).optional(),
    phone: textInput()
      .trim()
      .max(40)
      .optional()
      .describe('A phone number in any formatting (075-123-4567, ０７５（１２３）４５６７)'),
    birthYear: z.coerce.number().int().optional(),
    ward: wardCode.optional(),
    gender: z.enum(codesOf(GENDERS)).optional(),
    excludeId: uuid.optional(),
  }),
  response: z.array(similarCandidate),
})

export const getCase = defineContract({
  method: 'GET',
  path: '/api/cases/:id',
  summary: 'One case (404 outside the caller’s scope)',
  tags: ['cases'],
  params: idParams,
  response: caseDetail,
})

const versioned = { version: z.number().int().min(1).describe('The version the change was made on') }

export const updateCase = defineContract({
  method: 'PATCH',
  path: '/api/cases/:id',
  summary: 'Correct the intake fields of a case; every change is kept in its history',
  tags: ['cases'],
  params: idParams,
  body: intakeFields.partial().extend({ ...versioned, reason: optionalText(500, { multiline: true }) }),
  response: caseDetail,
})

export const closeCase = defineContract({
  method: 'POST',
  path: '/api/cases/:id/close',
  summary: 'Close a case with a reason',
  tags: ['cases'],
  params: idParams,
  body: z.object({
    ...versioned,
    closedOn: dateInput,
    closureReason: codeOf(CLOSURE_REASONS, '終結理由'),
    note: optionalText(2000, { multiline: true }),
  }),
  response: caseDetail,
})

export const handOverCase = defineContract({
  method: 'POST',
  path: '/api/cases/:id/handover',
  summary: 'Hand a window case over to a ward centre with an assessment summary',
  tags: ['cases'],
  params: idParams,
  body: z.object({
    ...versioned,
    handedOverOn: dateInput,
    ward: textInput({ error: '引継ぎ先の区を選択してください' })
      .trim()
      .min(1, { error: '引継ぎ先の区を選択してください' }),
    summary: requiredText(4000, 'アセスメントの要約', { multiline: true }),
  }),
  response: caseDetail,
})

export const reopenCase = defineContract({
  method: 'POST',
  path: '/api/cases/:id/reopen',
  summary: 'Reopen a closed or handed-over case with a reason',
  tags: ['cases'],
  params: idParams,
  body: z.object({ ...versioned, reason: requiredText(1000, '再開の理由', { multiline: true }) }),
  response: caseDetail,
})

/** What a case history entry records; other modules (meetings, accompaniment, resources) add theirs. */
export const CASE_EVENT_ACTIONS = [
  'created',
  'updated',
  'contact_added',
  'contact_corrected',
  'closed',
  'handed_over',
  'reopened',
  'imported',
  'assessed',
  'consent_recorded',
  'consent_withdrawn',
  'meeting_decision',
  'support_plan_updated',
  'activity_added',
  'activity_corrected',
  'observed_change_added',
  'referral_added',
  'referral_updated',
  'person_added',
  'person_updated',
  'person_removed',
] as const

export const caseEvent = z.object({
  id: z.uuid(),
  at: z.string(),
  actorName: z.string(),
  action: z.enum(CASE_EVENT_ACTIONS),
  changes: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  reason: z.string().nullable(),
})
export type CaseEvent = z.infer<typeof caseEvent>

export const getCaseHistory = defineContract({
  method: 'GET',
  path: '/api/cases/:id/history',
  summary: 'Every change to a case: who, when, what changed from what',
  tags: ['cases'],
  params: idParams,
  response: z.array(caseEvent),
})

export const getWorklist = defineContract({
  method: 'GET',
  path: '/api/worklist',
  summary: 'Urgent and early-response cases, open cases without contact for N days, cases opened this week',
  tags: ['cases'],
  query: z.object({ flag8050: flag8050.optional() }),
  response: z.object({
    noContactDays: z.number().int(),
    urgent: z.array(caseSummary),
    noContact: z.array(caseSummary),
    openedThisWeek: z.array(caseSummary),
  }),
})
