// Drizzle queries for a meeting's agenda, its candidates and its decisions (reviews). The case
// columns read here are the ones the meeting discusses; changes to a case go through the cases
// module (caseRecords), never through this file.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, max, ne, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import {
  accounts,
  cases,
  meetingAgenda,
  meetings,
  orgUnits,
  reviewAssignments,
  reviews,
  supportPlans,
} from '#server/db/schema/index.ts'
import { caseScopeCondition } from '#server/modules/cases/index.ts'

export type AgendaRow = typeof meetingAgenda.$inferSelect
export type ReviewRow = typeof reviews.$inferSelect

/** Cases opened at the ward or handed over to it: the cases module's ward scope. */
function ofWard(ward: string): SQL {
  return caseScopeCondition({ kind: 'ward', ward })
}

/** Not on this meeting's agenda, nor on the open agenda of another meeting (one open agenda each). */
function notOnAgenda(meetingId: string): SQL {
  return sql`not exists (select 1 from ${meetingAgenda} g where g.tenant_id = ${cases.tenantId}
    and g.case_id = ${cases.id} and (g.meeting_id = ${meetingId} or g.open))`
}

/** The two kinds of candidate: ready without a lead (new), or led and due by the date (continuing). */
function candidateKinds(heldOn: string): SQL | undefined {
  return or(
    and(eq(cases.wardState, 'ready'), isNull(cases.lead)),
    and(isNotNull(cases.lead), lte(cases.nextReviewOn, heldOn)),
  )
}

const candidateColumns = {
  caseId: cases.id,
  caseNo: cases.caseNo,
  name: cases.name,
  ageBand: cases.ageBand,
  wardState: cases.wardState,
  wardRoute: cases.wardRoute,
  nextReviewOn: cases.nextReviewOn,
  lead: cases.lead,
}
export type CandidateRow = {
  caseId: string
  caseNo: string
  name: string | null
  ageBand: string
  wardState: string | null
  wardRoute: string | null
  nextReviewOn: string | null
  lead: string | null
}

/**
 * New: the ward's open cases ready for the meeting (会議付議可) without a lead yet. Continuing:
 * the ward's open cases with a lead whose next review falls on or before the meeting date.
 */
export async function findCandidates(
  db: Db,
  tenantId: string,
  ward: string,
  meetingId: string,
  heldOn: string,
): Promise<{ fresh: CandidateRow[]; continuing: CandidateRow[] }> {
  const base = and(
    eq(cases.tenantId, tenantId),
    ofWard(ward),
    ne(cases.status, 'closed'),
    notOnAgenda(meetingId),
  )
  const fresh = await db
    .select(candidateColumns)
    .from(cases)
    .where(and(base, eq(cases.wardState, 'ready'), isNull(cases.lead)))
    .orderBy(asc(cases.openedOn), asc(cases.caseNo))
  const continuing = await db
    .select(candidateColumns)
    .from(cases)
    .where(and(base, isNotNull(cases.lead), lte(cases.nextReviewOn, heldOn)))
    .orderBy(asc(cases.nextReviewOn), asc(cases.caseNo))
  return { fresh, continuing }
}

export interface ElsewhereRow extends CandidateRow {
  meetingId: string
  meetingNo: string
  heldOn: string
}

/**
 * The ward's cases that would be candidates (either kind) but sit on the open agenda of another
 * meeting: offered to be moved, never copied.
 */
export async function findCandidatesElsewhere(
  db: Db,
  tenantId: string,
  ward: string,
  meetingId: string,
  heldOn: string,
): Promise<ElsewhereRow[]> {
  return db
    .select({
      ...candidateColumns,
      meetingId: meetings.id,
      meetingNo: meetings.meetingNo,
      heldOn: meetings.heldOn,
    })
    .from(cases)
    .innerJoin(
      meetingAgenda,
      and(
        eq(meetingAgenda.tenantId, cases.tenantId),
        eq(meetingAgenda.caseId, cases.id),
        eq(meetingAgenda.open, true),
        ne(meetingAgenda.meetingId, meetingId),
      ),
    )
    .innerJoin(meetings, and(eq(meetings.tenantId, cases.tenantId), eq(meetings.id, meetingAgenda.meetingId)))
    .where(
      and(eq(cases.tenantId, tenantId), ofWard(ward), ne(cases.status, 'closed'), candidateKinds(heldOn)),
    )
    .orderBy(asc(meetings.heldOn), asc(cases.caseNo))
}

export interface OpenAgendaRow {
  meetingId: string
  meetingNo: string
  heldOn: string
  ward: string
  route: string | null
  draft: unknown
  draftSavedAt: Date | null
}

/** The open agenda (a meeting still to be held) other than `meetingId` that has the case, if any. */
export async function findOpenAgendaElsewhere(
  db: Db,
  tenantId: string,
  caseId: string,
  meetingId: string,
): Promise<OpenAgendaRow | undefined> {
  const [row] = await db
    .select({
      meetingId: meetings.id,
      meetingNo: meetings.meetingNo,
      heldOn: meetings.heldOn,
      ward: meetings.ward,
      route: meetingAgenda.route,
      draft: meetingAgenda.draft,
      draftSavedAt: meetingAgenda.draftSavedAt,
    })
    .from(meetingAgenda)
    .innerJoin(
      meetings,
      and(eq(meetings.tenantId, meetingAgenda.tenantId), eq(meetings.id, meetingAgenda.meetingId)),
    )
    .where(
      and(
        eq(meetingAgenda.tenantId, tenantId),
        eq(meetingAgenda.caseId, caseId),
        eq(meetingAgenda.open, true),
        ne(meetingAgenda.meetingId, meetingId),
      ),
    )
  return row
}

/** The coordinator's 方針案 on an agenda row (null clears it). */
export async function setDraft(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseId: string,
  draft: unknown,
  at: Date | null,
): Promise<void> {
  await db
    .update(meetingAgenda)
    .set({ draft, draftSavedAt: at })
    .where(
      and(
        eq(meetingAgenda.tenantId, tenantId),
        eq(meetingAgenda.meetingId, meetingId),
        eq(meetingAgenda.caseId, caseId),
      ),
    )
}

export interface AgendaCaseRow {
  caseId: string
  position: number
  kind: string
  route: string | null
  caseNo: string
  name: string | null
  ageBand: string
  gender: string
  firstConsulter: string
  concerns: string[]
  urgency: string
  wardRoute: string | null
  handoverSummary: string | null
  wardAssessment: string | null
  consentOn: string | null
  consentNote: string | null
  progressSummary: string | null
  draft: unknown
  draftSavedAt: Date | null
}

export async function findAgendaCases(db: Db, tenantId: string, meetingId: string): Promise<AgendaCaseRow[]> {
  return db
    .select({
      caseId: meetingAgenda.caseId,
      position: meetingAgenda.position,
      kind: meetingAgenda.kind,
      route: meetingAgenda.route,
      caseNo: cases.caseNo,
      name: cases.name,
      ageBand: cases.ageBand,
      gender: cases.gender,
      firstConsulter: cases.firstConsulter,
      concerns: cases.concerns,
      urgency: cases.urgency,
      wardRoute: cases.wardRoute,
      handoverSummary: cases.handoverSummary,
      wardAssessment: cases.wardAssessment,
      consentOn: cases.consentOn,
      consentNote: cases.consentNote,
      progressSummary: supportPlans.progressSummary,
      draft: meetingAgenda.draft,
      draftSavedAt: meetingAgenda.draftSavedAt,
    })
    .from(meetingAgenda)
    .innerJoin(cases, and(eq(cases.tenantId, meetingAgenda.tenantId), eq(cases.id, meetingAgenda.caseId)))
    .leftJoin(
      supportPlans,
      and(eq(supportPlans.tenantId, meetingAgenda.tenantId), eq(supportPlans.caseId, meetingAgenda.caseId)),
    )
    .where(and(eq(meetingAgenda.tenantId, tenantId), eq(meetingAgenda.meetingId, meetingId)))
    .orderBy(asc(meetingAgenda.position), asc(meetingAgenda.addedAt))
}

export async function findAgendaRows(db: Db, tenantId: string, meetingId: string): Promise<AgendaRow[]> {
  return db
    .select()
    .from(meetingAgenda)
    .where(and(eq(meetingAgenda.tenantId, tenantId), eq(meetingAgenda.meetingId, meetingId)))
    .orderBy(asc(meetingAgenda.position), asc(meetingAgenda.addedAt))
}

export async function findAgendaItem(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseId: string,
): Promise<AgendaRow | undefined> {
  const [row] = await db
    .select()
    .from(meetingAgenda)
    .where(
      and(
        eq(meetingAgenda.tenantId, tenantId),
        eq(meetingAgenda.meetingId, meetingId),
        eq(meetingAgenda.caseId, caseId),
      ),
    )
  return row
}

export async function lastAgendaPosition(db: Db, tenantId: string, meetingId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(meetingAgenda.position) })
    .from(meetingAgenda)
    .where(and(eq(meetingAgenda.tenantId, tenantId), eq(meetingAgenda.meetingId, meetingId)))
  return row?.last ?? 0
}

export async function insertAgendaItem(db: Db, values: typeof meetingAgenda.$inferInsert): Promise<void> {
  await db.insert(meetingAgenda).values(values)
}

export async function deleteAgendaItem(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseId: string,
): Promise<void> {
  await db
    .delete(meetingAgenda)
    .where(
      and(
        eq(meetingAgenda.tenantId, tenantId),
        eq(meetingAgenda.meetingId, meetingId),
        eq(meetingAgenda.caseId, caseId),
      ),
    )
}

/** Numbers the agenda 1, 2, … in the order given (every case of the agenda, once). */
export async function setAgendaOrder(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseIds: string[],
): Promise<void> {
  if (caseIds.length === 0) return
  const values = sql.join(
    caseIds.map((id, i) => sql`(${id}::uuid, ${i + 1}::int)`),
    sql`, `,
  )
  await db.execute(sql`update ${meetingAgenda} set position = v.pos
    from (values ${values}) as v(case_id, pos)
    where ${meetingAgenda.tenantId} = ${tenantId} and ${meetingAgenda.meetingId} = ${meetingId}
      and ${meetingAgenda.caseId} = v.case_id`)
}

// --- Decisions ------------------------------------------------------------------------------

const leadUnits = alias(orgUnits, 'lead_units')

export interface ReviewView {
  review: ReviewRow
  meetingNo: string
  heldOn: string
  ward: string
  leadUnitName: string | null
  leadAccountName: string | null
}

/** Every decision on the given cases, newest meeting first. */
export async function findReviewsOfCases(db: Db, tenantId: string, caseIds: string[]): Promise<ReviewView[]> {
  if (caseIds.length === 0) return []
  return db
    .select({
      review: reviews,
      meetingNo: meetings.meetingNo,
      heldOn: meetings.heldOn,
      ward: meetings.ward,
      leadUnitName: leadUnits.name,
      leadAccountName: accounts.name,
    })
    .from(reviews)
    .innerJoin(meetings, and(eq(meetings.tenantId, reviews.tenantId), eq(meetings.id, reviews.meetingId)))
    .leftJoin(leadUnits, and(eq(leadUnits.tenantId, reviews.tenantId), eq(leadUnits.id, reviews.leadUnitId)))
    .leftJoin(accounts, and(eq(accounts.tenantId, reviews.tenantId), eq(accounts.id, reviews.leadAccountId)))
    .where(and(eq(reviews.tenantId, tenantId), inArray(reviews.caseId, caseIds)))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt), desc(reviews.createdAt))
}

export interface AssignmentView {
  reviewId: string
  position: number
  unitId: string
  unitName: string | null
  task: string
}

export async function findAssignments(
  db: Db,
  tenantId: string,
  reviewIds: string[],
): Promise<AssignmentView[]> {
  if (reviewIds.length === 0) return []
  return db
    .select({
      reviewId: reviewAssignments.reviewId,
      position: reviewAssignments.position,
      unitId: reviewAssignments.unitId,
      unitName: orgUnits.name,
      task: reviewAssignments.task,
    })
    .from(reviewAssignments)
    .leftJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, reviewAssignments.tenantId), eq(orgUnits.id, reviewAssignments.unitId)),
    )
    .where(and(eq(reviewAssignments.tenantId, tenantId), inArray(reviewAssignments.reviewId, reviewIds)))
    .orderBy(asc(reviewAssignments.reviewId), asc(reviewAssignments.position))
}

export async function findReview(
  db: Db,
  tenantId: string,
  meetingId: string,
  caseId: string,
): Promise<ReviewRow | undefined> {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.tenantId, tenantId), eq(reviews.meetingId, meetingId), eq(reviews.caseId, caseId)))
  return row
}

/** One decision per meeting and case: recording it again corrects it. */
export async function upsertReview(db: Db, values: typeof reviews.$inferInsert): Promise<ReviewRow> {
  const { tenantId, meetingId, caseId, createdAt, ...rest } = values
  const [row] = await db
    .insert(reviews)
    .values(values)
    .onConflictDoUpdate({ target: [reviews.tenantId, reviews.meetingId, reviews.caseId], set: rest })
    .returning()
  return row!
}

export async function replaceAssignments(
  db: Db,
  tenantId: string,
  reviewId: string,
  list: { unitId: string; task: string }[],
): Promise<void> {
  await db
    .delete(reviewAssignments)
    .where(and(eq(reviewAssignments.tenantId, tenantId), eq(reviewAssignments.reviewId, reviewId)))
  if (list.length > 0) {
    await db
      .insert(reviewAssignments)
      .values(list.map((a, i) => ({ tenantId, reviewId, position: i + 1, unitId: a.unitId, task: a.task })))
  }
}

/** The latest date of another meeting that decided on the case, if any. */
export async function latestOtherDecisionOn(
  db: Db,
  tenantId: string,
  caseId: string,
  meetingId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ last: max(meetings.heldOn) })
    .from(reviews)
    .innerJoin(meetings, and(eq(meetings.tenantId, reviews.tenantId), eq(meetings.id, reviews.meetingId)))
    .where(and(eq(reviews.tenantId, tenantId), eq(reviews.caseId, caseId), ne(reviews.meetingId, meetingId)))
  return row?.last ?? null
}
