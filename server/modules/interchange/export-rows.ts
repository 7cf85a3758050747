// What an export writes: every sheet's rows from what a city stores, as ledger values (codes,
// ISO dates, coded multi-values joined with ';'; lists of free text as arrays, joined by
// ledgerCell once each item is guarded). Personal columns only when asked for; free-text survey
// answers count as personal and are left blank without it.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  baselines,
  casePeople,
  casePersonPhones,
  cases,
  contacts,
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
import { WARD_SECTIONS } from '#shared/codes.ts'
import { guardFormula } from '#shared/interchange/formula-guard.ts'
import { type ColumnDef, isTextKind, type SheetDef } from '#shared/interchange/sheets.ts'

export type ExportValue = string | number | readonly string[] | null
export type ExportRow = Record<string, ExportValue>

/** The columns an export writes for a sheet. The answer column stays; its text answers do not. */
export function exportColumns(sheet: SheetDef, personal: boolean): ColumnDef[] {
  return sheet.columns.filter((c) => personal || !c.personal || c.kind === 'answer')
}

const joined = (xs: readonly (string | number)[] | null) => (xs?.length ? xs.join(';') : null)

/**
 * A value as the cell holds it. Free text (a text column, each item of a list or answer) is
 * guarded against formulas item by item, so that the import, which splits first, takes off
 * exactly the quotes the export added. Numbers stay numbers.
 */
export function ledgerCell(column: ColumnDef, value: ExportValue | undefined): string | number | null {
  if (value == null || typeof value === 'number') return value ?? null
  const text = isTextKind(column.kind) ? guardFormula : (s: string) => s
  if (typeof value === 'string') return text(value)
  return value.length ? value.map(text).join(';') : null
}

export async function exportRows(
  db: Db,
  tenantId: string,
  personal: boolean,
): Promise<Map<string, ExportRow[]>> {
  const t = tenantId
  const caseRows = await db.select().from(cases).where(eq(cases.tenantId, t)).orderBy(asc(cases.caseNo))
  const caseNo = new Map(caseRows.map((c) => [c.id, c.caseNo]))
  const logins = new Map(
    (await db.select().from(accounts).where(eq(accounts.tenantId, t))).map((a) => [a.id, a.loginId]),
  )
  const units = new Map(
    (await db.select().from(orgUnits).where(eq(orgUnits.tenantId, t))).map((u) => [u.id, u]),
  )
  const out = new Map<string, ExportRow[]>()

  out.set(
    'cases',
    caseRows.map((c) => ({
      case_id: c.caseNo,
      opened_on: c.openedOn,
      intake_unit: c.intakeUnit,
      ward: c.ward,
      age: c.age,
      age_band: c.ageBand,
      first_consulter: c.firstConsulter,
      route: c.route,
      concerns: joined(c.concerns),
      urgency: c.urgency,
      handed_over_on: c.handedOverOn,
      handed_over_to: c.handedOverTo,
      closed_on: c.closedOn,
      closure_reason: c.closureReason,
      name: c.name,
      kana: c.kana,
      gender: c.gender,
    })),
  )
  const personRows = await db
    .select()
    .from(casePeople)
    .where(eq(casePeople.tenantId, t))
    .orderBy(asc(casePeople.caseId), asc(casePeople.personNo))
  const personNo = new Map(personRows.map((p) => [p.id, p.personNo]))
  out.set('people', await peopleRows(db, t, personRows, caseNo, personal))
  const contactRows = await db.select().from(contacts).where(eq(contacts.tenantId, t))
  out.set(
    'contacts',
    contactRows
      .map((c) => ({
        case_id: caseNo.get(c.caseId) ?? '',
        contacted_on: c.contactedOn,
        time: c.time,
        method: c.method,
        counterpart: c.counterpart,
        staff: (c.staffId && logins.get(c.staffId)) || c.staffName,
        minutes: c.minutes,
        summary: c.summary,
        person_no: c.personId ? (personNo.get(c.personId) ?? null) : null,
      }))
      .sort(
        (a, b) =>
          cmp(a.case_id, b.case_id) || cmp(a.contacted_on, b.contacted_on) || cmp(a.time ?? '', b.time ?? ''),
      ),
  )
  const meetingRows = await db
    .select()
    .from(meetings)
    // Only held meetings are records: one still scheduled in the app has nothing to count yet.
    .where(and(eq(meetings.tenantId, t), eq(meetings.status, 'held')))
    .orderBy(asc(meetings.meetingNo))
  const meetingNo = new Map(meetingRows.map((m) => [m.id, m.meetingNo]))
  const attendees = await db
    .select()
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.tenantId, t), eq(meetingAttendees.attended, true)))
  const sectionLabel = (code: string | null) =>
    WARD_SECTIONS.find((s) => s.code === code)?.label ?? code ?? ''
  out.set(
    'meetings',
    meetingRows.map((m) => {
      const us = attendees.filter((a) => a.meetingId === m.id).map((a) => units.get(a.unitId)!)
      return {
        meeting_id: m.meetingNo,
        ward: m.ward,
        held_on: m.heldOn,
        agencies: us
          .filter((u) => u.kind === 'agency')
          .map((u) => u.name)
          .sort(),
        sections: us
          .filter((u) => u.kind === 'ward_section')
          .map((u) => sectionLabel(u.sectionCode))
          .sort(),
      }
    }),
  )
  const reviewRows = await db.select().from(reviews).where(eq(reviews.tenantId, t))
  out.set(
    'reviews',
    reviewRows
      .filter((r) => meetingNo.has(r.meetingId))
      .map((r) => ({
        meeting_id: meetingNo.get(r.meetingId) ?? '',
        case_id: caseNo.get(r.caseId) ?? '',
        kind: r.kind,
        route: r.route,
        lead: r.lead,
        lead_unit: r.leadUnit,
        policy: r.policy,
        next_review_on: r.nextReviewOn,
      }))
      .sort((a, b) => cmp(a.meeting_id, b.meeting_id) || cmp(a.case_id, b.case_id)),
  )
  const surveyRows = await db
    .select()
    .from(surveys)
    .where(eq(surveys.tenantId, t))
    .orderBy(asc(surveys.surveyNo))
  const surveyNo = new Map(surveyRows.map((s) => [s.id, s.surveyNo]))
  const questions = await db.select().from(surveyQuestions).where(eq(surveyQuestions.tenantId, t))
  const kindOf = new Map(questions.map((q) => [`${q.surveyId}|${q.questionNo}`, q.kind]))
  out.set(
    'surveys',
    surveyRows.flatMap((s) =>
      questions
        .filter((q) => q.surveyId === s.id)
        .sort((a, b) => a.questionNo - b.questionNo)
        .map((q) => ({
          survey_id: s.surveyNo,
          title: s.title,
          audience: s.audience,
          question_no: q.questionNo,
          question: q.question,
          kind: q.kind,
          options: q.options,
          required: yesNo(q.required),
          allow_other: yesNo(q.allowOther),
        })),
    ),
  )
  const respondents = await db.select().from(surveyRespondents).where(eq(surveyRespondents.tenantId, t))
  const answeredOn = new Map(respondents.map((r) => [`${r.surveyId}|${r.respondentNo}`, r.answeredOn]))
  const answers = await db.select().from(surveyAnswers).where(eq(surveyAnswers.tenantId, t))
  out.set(
    'responses',
    answers
      .map((a) => {
        const text = kindOf.get(`${a.surveyId}|${a.questionNo}`) === 'text'
        return {
          survey_id: surveyNo.get(a.surveyId) ?? '',
          respondent_id: a.respondentNo,
          answered_on: answeredOn.get(`${a.surveyId}|${a.respondentNo}`) ?? null,
          question_no: a.questionNo,
          // One item for a text or single answer, several for a multiple one.
          answer: text && !personal ? null : a.answer,
          other_text: personal ? a.otherText : null,
        }
      })
      .sort(
        (a, b) =>
          cmp(a.survey_id, b.survey_id) ||
          cmp(a.respondent_id, b.respondent_id) ||
          a.question_no - b.question_no,
      ),
  )
  const resourceRows = await db
    .select()
    .from(resources)
    .where(eq(resources.tenantId, t))
    .orderBy(asc(resources.resourceNo))
  out.set(
    'resources',
    resourceRows.map((r) => ({
      resource_id: r.resourceNo,
      name: r.name,
      categories: joined(r.categories),
      serves: joined(r.serves),
      ward: r.ward,
      subsidy_fy: joined(r.subsidyFiscalYears),
      contact: r.contact,
    })),
  )
  const baselineRows = await db.select().from(baselines).where(eq(baselines.tenantId, t))
  out.set(
    'baselines',
    baselineRows
      .map((b) => ({ label: b.label, from: b.fromOn, to: b.toOn, metric: b.metric, value: b.value }))
      .sort((a, b) => cmp(a.from, b.from) || cmp(a.label, b.label) || cmp(a.metric, b.metric)),
  )
  return out
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no')

/**
 * The `people` sheet. Without `personal` only the first three columns are written (the caller
 * leaves the others out), and phones, which are personal, are not even read.
 */
async function peopleRows(
  db: Db,
  t: string,
  people: (typeof casePeople.$inferSelect)[],
  caseNo: Map<string, string>,
  personal: boolean,
): Promise<ExportRow[]> {
  const phonesOf = new Map<string, string[]>()
  if (personal) {
    const phoneRows = await db
      .select()
      .from(casePersonPhones)
      .where(eq(casePersonPhones.tenantId, t))
      .orderBy(asc(casePersonPhones.personId), asc(casePersonPhones.position))
    for (const p of phoneRows) {
      // The label as its code (home:), as every coded value is exported; the number as typed.
      const item = p.label ? `${p.label}:${p.number}` : p.number
      phonesOf.set(p.personId, [...(phonesOf.get(p.personId) ?? []), item])
    }
  }
  return people
    .map((p) => ({
      case_id: caseNo.get(p.caseId) ?? '',
      person_no: p.personNo,
      relationship: p.relationship,
      consulter: yesNo(p.consulter),
      name: p.name,
      kana: p.kana,
      age: p.age,
      lives_with: yesNo(p.livesWith),
      phones: phonesOf.get(p.id) ?? [],
      mail: p.mail,
      address: p.address,
      best_time: p.bestTime,
      may_name_city: yesNo(p.mayNameCity),
      may_leave_message: yesNo(p.mayLeaveMessage),
      keep_from_person: yesNo(p.keepFromPerson),
      care: joined(p.care),
    }))
    .sort((a, b) => cmp(a.case_id, b.case_id) || a.person_no - b.person_no)
}
