// The evaluation report (取組検証 統計): one JSON shape, public (BI tools read it), defined in
// docs/report-rules.md. Keys are English codes; every coded key is present, 0 when nothing matches.
import { z } from 'zod'
import {
  AGE_BANDS,
  CASE_LEADS,
  CONTACT_METHODS,
  COUNTERPARTS,
  type CodeList,
  codesOf,
  FIRST_CONSULTERS,
  NETWORK_MEETING_KINDS,
  NEW_CASE_ROUTES,
  REFERRAL_OUTCOMES,
  ROUTES,
  SUPPORT_ACTIVITIES,
  SUPPORT_GOALS,
  SURVEY_AUDIENCES,
} from '../codes.ts'
import { flag8050 } from './cases.ts'
import { dateInput, isoDate, textInput } from './common.ts'
import { defineContract } from './define.ts'
import { SEMINAR_KINDS } from './seminars.ts'

/** The outcome of a window case as of the period's end (表3 対応結果). */
export const OUTCOMES = [
  { code: 'handed_over', label: '保健福祉センターへ引継ぎ' },
  { code: 'closed', label: '終結' },
  { code: 'open', label: '継続対応中' },
] as const satisfies CodeList<string>

const count = z.number().int().min(0)
const percent = z.number().min(0).max(100).describe('Percent to one decimal')

/** An object with one key per code of a list, each holding `value`. */
function keyed<C extends string, S extends z.ZodType>(list: CodeList<C>, value: S) {
  return z.object(Object.fromEntries(list.map((c) => [c.code, value])) as { [K in C]: S })
}

const withTotal = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, total: count })

const ageBandCounts = withTotal(keyed(AGE_BANDS, count).shape)
const baselineFigures = z
  .object({
    label: z.string(),
    ...keyed(AGE_BANDS, count.nullable()).shape,
    total: count.nullable(),
  })
  .describe('Entered figures; null = not counted (shown as —)')
const ageBandChange = z
  .object({ ...keyed(AGE_BANDS, z.number().int()).shape, total: z.number().int() })
  .describe('current − baseline, a null baseline value counting as 0')

const monthly = z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), count }))
const share = z.object({ count, percent })
const counterpartCounts = withTotal(keyed(COUNTERPARTS, count).shape)

export const surveyOption = z.object({ label: z.string(), count, percent })
export const surveyQuestionResult = z.object({
  no: z.number().int(),
  question: z.string(),
  kind: z.enum(['single', 'multiple']),
  options: z.array(surveyOption),
})
export const surveyResult = z.object({
  surveyId: z.string(),
  title: z.string(),
  audience: z.enum(codesOf(SURVEY_AUDIENCES)),
  respondents: count,
  questions: z.array(surveyQuestionResult),
})

/**
 * A drafted finding (所見の下書き, docs/report-rules.md "Findings"): a sentence and the figures it
 * rests on. `text` is the draft, or headquarters' edited text for this period when there is one;
 * `numerator`, `denominator`, `value` and `phrase` are always the computed ones.
 */
export const finding = z
  .object({
    id: z
      .string()
      .describe(
        'consultations_vs_baseline, age40plus_vs_baseline, single_share, continuing_share, family_share, agency_referral_share, meeting_agency_route_share, lead_accompaniment_share, lead_section_share, survey:<surveyId>:<no>, monthly_trend',
      ),
    text: z.string().describe('A full Japanese sentence containing `phrase` and the counts'),
    numerator: count.describe('For monthly_trend: the sum of the last three months'),
    denominator: z
      .number()
      .int()
      .min(1)
      .describe('Never 0 (such findings are left out). For monthly_trend: the sum of the first three months'),
    value: z
      .number()
      .min(0)
      .describe('share: percent to one decimal; ratio: to one decimal; trend: to two decimals (all half up)'),
    phrase: z.string().describe('約半数, 6割弱, 1.3倍, 減少傾向 … by the documented rule'),
  })
  .describe('One drafted finding')
export type Finding = z.infer<typeof finding>

const rate = z
  .number()
  .min(0)
  .nullable()
  .describe('Per 100,000 population, to one decimal, half up; null when the population is not entered')
const month = z.string().regex(/^\d{4}-\d{2}$/)

/** 実人数 (distinct cases, each one person) beside 延べ件数, with both per 100,000 population. */
export const volume = z.object({
  people: count.describe('実人数: distinct cases'),
  count: count.describe('延べ件数'),
  peoplePer100k: rate,
  countPer100k: rate,
})
const volumePair = {
  consultations: volume.describe('people: window cases opened; count: contacts on them dated in the period'),
  contacts: volume.describe('people: window cases with a contact in the period; count: those contacts'),
}
export const volumesSection = z
  .object({
    populationFiscalYear: z
      .number()
      .int()
      .describe('The fiscal year of `to`, whose population the period uses'),
    population: count
      .nullable()
      .describe("The ward's, or the city's (the sum of all its wards'); null if missing"),
    ...volumePair,
    monthly: z.array(
      z.object({ month, population: count.nullable().describe("The month's fiscal year"), ...volumePair }),
    ),
    byWard: z.array(z.object({ ward: z.string(), population: count.nullable(), ...volumePair })),
  })
  .describe('実人数 and 延べ件数 with rates per 100,000 population (docs/report-rules.md "Volumes")')

const peopleAndCount = z.object({ count: count.describe('延べ'), cases: count.describe('実数') })
export const accompanimentSection = z
  .object({
    activities: keyed(SUPPORT_ACTIVITIES, peopleAndCount),
    activitiesTotal: peopleAndCount,
    goals: keyed(SUPPORT_GOALS, count).describe('Cases led at the end whose plan names the goal'),
    changes: peopleAndCount.describe('本人の変化 observed in the period'),
    ledAtEnd: count.describe('Open cases whose lead at the end is よりそい支援員'),
  })
  .describe('よりそい支援員の活動')
export const referralsSection = z.object({
  byOutcome: keyed(REFERRAL_OUTCOMES, count).describe(
    'Referrals made in the period, by their outcome at the end',
  ),
  total: count,
})
export const networkMeetingsSection = z.object({
  held: z.object({ ...keyed(NETWORK_MEETING_KINDS, count).shape, total: count }),
  casesShared: count.describe('Cases shared to the case-study meetings held'),
})
export const familySupportSection = z
  .object({
    held: z.object({ ...keyed(SEMINAR_KINDS, count).shape, total: count }),
    registrations: z.object({
      confirmed: count,
      waitlisted: count,
      cancelled: count,
      people: count.describe('Seats of the confirmed registrations'),
    }),
    attendance: z.object({
      attended: count,
      absent: count,
      notRecorded: count,
      people: count.describe('Attendees of the registrations recorded as attended'),
    }),
    seminars: z.array(
      z.object({
        kind: z.enum(codesOf(SEMINAR_KINDS)),
        title: z.string(),
        heldOn: isoDate,
        ward: z.string().nullable(),
        capacity: count,
        registeredPeople: count,
        attendedPeople: count,
      }),
    ),
    followUpSurveys: z
      .array(surveyResult)
      .describe("The held seminars' follow-up surveys, all their responses"),
  })
  .describe('家族支援: seminars and family meetings held in the period')
export const webConsultationsSection = z
  .object({
    received: count.describe('Threads opened in the period (Tokyo dates), spam left out'),
    replied: count.describe('Of those, with a staff reply by the end'),
    linkedToCases: count.describe('Of those, belonging to a case'),
    bySender: keyed(COUNTERPARTS, count),
  })
  .describe('ウェブ相談')

/** 表1's kinds of verification method. */
export const VERIFICATION_KINDS = [
  { code: 'objective_data', label: '客観データ' },
  { code: 'survey', label: 'アンケート' },
  { code: 'interview', label: 'ヒアリング' },
] as const satisfies CodeList<string>

export const verificationRow = z.object({
  kind: z.enum(codesOf(VERIFICATION_KINDS)),
  method: z.string(),
  heldFrom: isoDate.nullable(),
  heldTo: isoDate.nullable(),
  target: z.string(),
  responses: z
    .string()
    .nullable()
    .describe("As written, or else the linked survey's respondents as 「23件」"),
})

export const reportSchema = z.object({
  period: z.object({ from: isoDate, to: isoDate, ward: z.string().nullable() }),
  consultations: z.object({
    total: count,
    byAgeBand: z.object({
      current: ageBandCounts,
      baseline: baselineFigures.nullable(),
      change: ageBandChange.nullable(),
    }),
    monthlyNewCases: monthly,
    byContactCount: z.object({ single: count, continuing: count }),
    contacts: z.object({ byMethod: keyed(CONTACT_METHODS, counterpartCounts), total: counterpartCounts }),
    monthlyInPerson: monthly,
    outcomesAtEnd: keyed(OUTCOMES, count),
    byFirstConsulter: keyed(FIRST_CONSULTERS, share),
    byRoute: keyed(ROUTES, share),
  }),
  wardIntake: z.array(z.object({ ward: z.string(), count })),
  meetings: z.object({
    held: count,
    casesReviewed: count,
    reviews: count,
    newCaseRoutes: keyed(NEW_CASE_ROUTES, count),
    newCaseLeads: keyed(CASE_LEADS, count),
    agencies: count,
  }),
  surveys: z.array(surveyResult),
  resources: z.object({
    subsidisedProjects: z.array(z.object({ fiscalYear: z.number().int(), count })),
  }),
  volumes: volumesSection,
  accompaniment: accompanimentSection,
  referrals: referralsSection,
  networkMeetings: networkMeetingsSection,
  familySupport: familySupportSection,
  webConsultations: webConsultationsSection,
  verification: z.array(verificationRow).describe('表1 取組検証の手法: the records kept for this period'),
  findings: z
    .array(finding)
    .describe('Drafted findings in the documented order; those with no denominator left out'),
})
export type Report = z.infer<typeof reportSchema>
export type SurveyResult = z.infer<typeof surveyResult>

export const reportQuery = z
  .object({
    from: dateInput.describe('First day of the period (inclusive)'),
    to: dateInput.describe('Last day of the period (inclusive)'),
    ward: textInput()
      .trim()
      .min(1)
      .max(40)
      .optional()
      .describe(
        'Ward code or name: only that ward. A ward coordinator always gets their own ward; naming another is 403',
      ),
    baseline: textInput()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Baseline label; the most recent baseline ending before `from` when omitted'),
    flag8050: flag8050
      .optional()
      .describe(
        'true: count only cases in the 8050 situation (consultations, contacts, ward intake and reviews); meetings held, agencies, surveys, resources and baselines are not about cases and stay as they are',
      ),
  })
  .refine((q) => q.from <= q.to, {
    path: ['to'],
    error: '終了日は開始日以降の日付を入力してください',
  })
export type ReportQuery = z.output<typeof reportQuery>

export const getReport = defineContract({
  method: 'GET',
  path: '/api/reports',
  summary:
    'The evaluation report for a period (headquarters and administrators: any ward or the city; a ward coordinator: their own ward only, whatever `ward` asks); no personal data',
  tags: ['reports'],
  query: reportQuery,
  response: reportSchema,
})

/** The same report as an Excel workbook (binary; registered outside the JSON contracts). */
export const REPORT_XLSX_PATH = '/api/reports.xlsx'
export const REPORT_XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
