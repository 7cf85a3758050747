// What is already stored for the identifiers a ledger names, fetched in bulk (IN lists of up to
// 1,000) so that validation and the added/updated comparison need no per-row queries.
import { and, eq, getTableColumns, inArray } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  baselines,
  casePeople,
  casePersonPhones,
  cases,
  type contacts,
  meetingAttendees,
  meetings,
  orgUnits,
  resources,
  reviews,
  surveyAnswers,
  surveyQuestions,
  surveyRespondents,
  surveys,
} from '#server/db/schema/index.ts'
import type { SheetKey } from '#shared/interchange/sheets.ts'
import { inChunks, namedIn, type ParsedLedger, rowsOf, uniq } from './import-model.ts'

/** Columns a comparison never reads: left out of the stored rows a re-import loads by the thousand. */
type Unread = 'tenantId' | 'createdAt' | 'updatedAt'
const UNREAD: readonly string[] = ['tenantId', 'createdAt', 'updatedAt']
export type CaseRow = Omit<typeof cases.$inferSelect, Unread>
export type ContactRow = Omit<typeof contacts.$inferSelect, Unread>
export type PersonRow = Omit<typeof casePeople.$inferSelect, Unread>
export type PhoneRow = Pick<
  typeof casePersonPhones.$inferSelect,
  'personId' | 'position' | 'label' | 'number' | 'digits'
>
export type MeetingRow = typeof meetings.$inferSelect
export type ReviewRow = Omit<typeof reviews.$inferSelect, Unread>
export type SurveyRow = typeof surveys.$inferSelect
export type QuestionRow = typeof surveyQuestions.$inferSelect
export type ResourceRow = typeof resources.$inferSelect
export type BaselineRow = typeof baselines.$inferSelect
export type UnitRow = typeof orgUnits.$inferSelect

export interface StoredRespondent {
  answeredOn: string | null
  answers: Map<number, string[]>
  /** 「その他」's text per question, where one was written. */
  otherTexts: Map<number, string | null>
}

export interface Stored {
  cases: Map<string, CaseRow>
  /** The people of every case the people or contacts sheet names, by case id. */
  peopleByCase: Map<string, PersonRow[]>
  /** Phones of the people of every case the people sheet names, by person id, in order. */
  phonesByPerson: Map<string, PhoneRow[]>
  meetings: Map<string, MeetingRow & { unitIds: string[] }>
  reviews: Map<string, ReviewRow>
  surveys: Map<string, SurveyRow & { questions: QuestionRow[] }>
  /** `${surveyId}|${respondentNo}` */
  respondents: Map<string, StoredRespondent>
  resources: Map<string, ResourceRow>
  baselines: BaselineRow[]
  accounts: { id: string; loginId: string; name: string }[]
  units: UnitRow[]
}

const ids = (ledger: ParsedLedger, pairs: [SheetKey, string][]) =>
  uniq(pairs.flatMap(([sheet, column]) => [...namedIn(ledger, sheet, column)]))

export async function loadStored(tx: Db, tenantId: string, ledger: ParsedLedger): Promise<Stored> {
  const caseNos = ids(ledger, [
    ['cases', 'case_id'],
    ['people', 'case_id'],
    ['contacts', 'case_id'],
    ['reviews', 'case_id'],
  ])
  const caseRows = await inChunks(caseNos, (c) =>
    tx
      .select(read(cases))
      .from(cases)
      .where(and(eq(cases.tenantId, tenantId), inArray(cases.caseNo, c))),
  )
  const caseIdOf = new Map(caseRows.map((c) => [c.caseNo, c.id]))
  const caseIdsOf = (sheet: 'contacts' | 'people') =>
    uniq(namedIn(ledger, sheet, 'case_id'))
      .map((no) => caseIdOf.get(no))
      .filter((x): x is string => !!x)
  // A case's stored contacts are compared with the file's in SQL (plan-contacts.ts), not held here.
  const contactCaseIds = caseIdsOf('contacts')

  const peopleCaseIds = caseIdsOf('people')
  const personRows = await inChunks(uniq([...peopleCaseIds, ...contactCaseIds]), (c) =>
    tx
      .select(read(casePeople))
      .from(casePeople)
      .where(and(eq(casePeople.tenantId, tenantId), inArray(casePeople.caseId, c))),
  )
  // By person, through the phones' person index (they have none on the case id).
  const peopleCases = new Set(peopleCaseIds)
  const phonePersonIds = personRows.filter((p) => peopleCases.has(p.caseId)).map((p) => p.id)
  const phoneRows = await inChunks(phonePersonIds, (c) =>
    tx
      .select({
        personId: casePersonPhones.personId,
        position: casePersonPhones.position,
        label: casePersonPhones.label,
        number: casePersonPhones.number,
        digits: casePersonPhones.digits,
      })
      .from(casePersonPhones)
      .where(and(eq(casePersonPhones.tenantId, tenantId), inArray(casePersonPhones.personId, c))),
  )
  const phonesByPerson = groupBy(
    phoneRows.sort((a, b) => a.position - b.position),
    (p) => p.personId,
    (p) => p,
  )

  const meetingNos = ids(ledger, [
    ['meetings', 'meeting_id'],
    ['reviews', 'meeting_id'],
  ])
  const meetingRows = await inChunks(meetingNos, (c) =>
    tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.tenantId, tenantId), inArray(meetings.meetingNo, c))),
  )
  const meetingIds = meetingRows.map((m) => m.id)
  const attendeeRows = await inChunks(meetingIds, (c) =>
    tx
      .select()
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.tenantId, tenantId), inArray(meetingAttendees.meetingId, c))),
  )
  const reviewRows = await inChunks(meetingIds, (c) =>
    tx
      .select(read(reviews))
      .from(reviews)
      .where(and(eq(reviews.tenantId, tenantId), inArray(reviews.meetingId, c))),
  )

  const surveyNos = ids(ledger, [
    ['surveys', 'survey_id'],
    ['responses', 'survey_id'],
  ])
  const surveyRows = await inChunks(surveyNos, (c) =>
    tx
      .select()
      .from(surveys)
      .where(and(eq(surveys.tenantId, tenantId), inArray(surveys.surveyNo, c))),
  )
  const surveyIds = surveyRows.map((s) => s.id)
  const questionRows = await inChunks(surveyIds, (c) =>
    tx
      .select()
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.tenantId, tenantId), inArray(surveyQuestions.surveyId, c))),
  )
  const respondents = new Map<string, StoredRespondent>()
  if (rowsOf(ledger, 'responses').length) {
    const respondentRows = await inChunks(surveyIds, (c) =>
      tx
        .select()
        .from(surveyRespondents)
        .where(and(eq(surveyRespondents.tenantId, tenantId), inArray(surveyRespondents.surveyId, c))),
    )
    for (const r of respondentRows)
      respondents.set(`${r.surveyId}|${r.respondentNo}`, {
        answeredOn: r.answeredOn,
        answers: new Map(),
        otherTexts: new Map(),
      })
    const answerRows = await inChunks(surveyIds, (c) =>
      tx
        .select()
        .from(surveyAnswers)
        .where(and(eq(surveyAnswers.tenantId, tenantId), inArray(surveyAnswers.surveyId, c))),
    )
    for (const a of answerRows) {
      const stored = respondents.get(`${a.surveyId}|${a.respondentNo}`)
      stored?.answers.set(a.questionNo, a.answer)
      stored?.otherTexts.set(a.questionNo, a.otherText)
    }
  }

  const resourceNos = ids(ledger, [['resources', 'resource_id']])
  const resourceRows = await inChunks(resourceNos, (c) =>
    tx
      .select()
      .from(resources)
      .where(and(eq(resources.tenantId, tenantId), inArray(resources.resourceNo, c))),
  )

  const unitsOf = groupBy(
    attendeeRows,
    (a) => a.meetingId,
    (a) => a.unitId,
  )
  const questionsOf = groupBy(
    questionRows,
    (q) => q.surveyId,
    (q) => q,
  )
  return {
    cases: new Map(caseRows.map((r) => [r.caseNo, r])),
    peopleByCase: groupBy(
      personRows,
      (p) => p.caseId,
      (p) => p,
    ),
    phonesByPerson,
    meetings: new Map(meetingRows.map((m) => [m.meetingNo, { ...m, unitIds: unitsOf.get(m.id) ?? [] }])),
    reviews: new Map(reviewRows.map((r) => [`${r.meetingId}|${r.caseId}`, r])),
    surveys: new Map(surveyRows.map((s) => [s.surveyNo, { ...s, questions: questionsOf.get(s.id) ?? [] }])),
    respondents,
    resources: new Map(resourceRows.map((r) => [r.resourceNo, r])),
    baselines: await tx.select().from(baselines).where(eq(baselines.tenantId, tenantId)),
    accounts: await tx
      .select({ id: accounts.id, loginId: accounts.loginId, name: accounts.name })
      .from(accounts)
      .where(eq(accounts.tenantId, tenantId)),
    units: await tx.select().from(orgUnits).where(eq(orgUnits.tenantId, tenantId)),
  }
}

function groupBy<T, V>(rows: readonly T[], key: (row: T) => string, value: (row: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>()
  for (const row of rows) {
    const list = out.get(key(row))
    if (list) list.push(value(row))
    else out.set(key(row), [value(row)])
  }
  return out
}

/** A table's columns less the unread ones, for select(). */
function read<T extends PgTable>(table: T): Omit<T['_']['columns'], Unread> {
  return Object.fromEntries(
    Object.entries(getTableColumns(table)).filter(([key]) => !UNREAD.includes(key)),
  ) as Omit<T['_']['columns'], Unread>
}
