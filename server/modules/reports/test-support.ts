// Records for report tests, inserted directly with Drizzle into a test city: the report reads
// the tables, so the tests build exactly the rows each definition is about.
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import {
  baselines,
  casePeople,
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

/**
 * A case id of the city's own whose first eight hex digits are `first`: the tests of the sections
 * counted in halves of the case ids (report-period.ts caseHalves) place cases on either side of
 * the middle with it. The rest comes from the city's id, so that cities do not share ids.
 */
export function caseIdAt(tenantId: string, first: string): string {
  const suffix = tenantId
    .replace(/[^0-9a-f]/g, '')
    .padEnd(12, '0')
    .slice(0, 12)
  return `${first}-0000-4000-8000-${suffix}`
}

export function recordsFor(db: Db, tenantId: string) {
  let n = 0
  const next = (prefix: string) => `${prefix}${++n}`

  return {
    async addCase(values: Partial<typeof cases.$inferInsert> = {}) {
      const [row] = await db
        .insert(cases)
        .values({
          tenantId,
          caseNo: next('C'),
          openedOn: '2020-10-01',
          intakeUnit: 'window',
          ageBand: 'unknown',
          firstConsulter: 'family',
          ...values,
        })
        .returning({ id: cases.id })
      return row!.id
    },

    async addContacts(
      caseId: string,
      ...list: (Partial<typeof contacts.$inferInsert> & { contactedOn: string })[]
    ) {
      if (list.length === 0) return
      await db
        .insert(contacts)
        .values(list.map((c) => ({ tenantId, caseId, method: 'phone', counterpart: 'family', ...c })))
    },

    /** Someone around a case (numbered in order), for the 8050 rule: 続柄, age, 同居, care. */
    async addPerson(
      caseId: string,
      values: Partial<typeof casePeople.$inferInsert> & { relationship: string },
    ) {
      await db.insert(casePeople).values({ tenantId, caseId, personNo: ++n, ...values })
    },

    async addAgency(name: string) {
      const [row] = await db.insert(orgUnits).values({ tenantId, kind: 'agency', name }).returning()
      return row!.id
    },

    async sectionOf(ward: string) {
      const [row] = await db
        .select()
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.tenantId, tenantId),
            eq(orgUnits.kind, 'ward_section'),
            eq(orgUnits.wardCode, ward),
          ),
        )
      return row!.id
    },

    async addMeeting(ward: string, heldOn: string, attendees: string[] = []) {
      const [row] = await db
        .insert(meetings)
        .values({ tenantId, meetingNo: next('M'), ward, heldOn })
        .returning({ id: meetings.id })
      if (attendees.length > 0) {
        await db
          .insert(meetingAttendees)
          .values(attendees.map((unitId) => ({ tenantId, meetingId: row!.id, unitId })))
      }
      return row!.id
    },

    async addReview(meetingId: string, caseId: string, values: Partial<typeof reviews.$inferInsert> = {}) {
      await db
        .insert(reviews)
        .values({ tenantId, meetingId, caseId, kind: 'continuing', lead: 'accompaniment', ...values })
    },

    /** A survey with its questions; answers are [respondentNo, answeredOn, {questionNo: labels}]. */
    async addSurvey(
      surveyNo: string,
      questions: { no: number; kind: string; options: string[]; question?: string }[],
      answers: [string, string | null, Record<number, string[]>][],
      audience = 'consulters',
    ) {
      const [s] = await db
        .insert(surveys)
        .values({ tenantId, surveyNo, title: `アンケート${surveyNo}`, audience })
        .returning({ id: surveys.id })
      const surveyId = s!.id
      await db.insert(surveyQuestions).values(
        questions.map((q) => ({
          tenantId,
          surveyId,
          questionNo: q.no,
          question: q.question ?? `設問${q.no}`,
          kind: q.kind,
          options: q.options,
        })),
      )
      for (const [respondentNo, answeredOn, byQuestion] of answers) {
        await db.insert(surveyRespondents).values({ tenantId, surveyId, respondentNo, answeredOn })
        const rows = Object.entries(byQuestion).map(([q, answer]) => ({
          tenantId,
          surveyId,
          respondentNo,
          questionNo: Number(q),
          answer,
        }))
        if (rows.length > 0) await db.insert(surveyAnswers).values(rows)
      }
    },

    async addResource(subsidyFiscalYears: number[], ward: string | null = null) {
      await db
        .insert(resources)
        .values({ tenantId, resourceNo: next('R'), name: next('資源'), ward, subsidyFiscalYears })
    },

    async addBaseline(label: string, fromOn: string, toOn: string, values: Record<string, number | null>) {
      await db
        .insert(baselines)
        .values(
          Object.entries(values).map(([metric, value]) => ({ tenantId, label, fromOn, toOn, metric, value })),
        )
    },
  }
}

/** n copies of a value, for building answer lists. */
export const times = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i))
export { SEED_CITY_DIR } from './fixtures/make-seed-city.ts'
