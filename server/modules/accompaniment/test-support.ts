import { and, eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { cases, meetings, orgUnits, reviewAssignments, reviews } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import type { Session, TestCity, TestContext } from '#server/test/harness.ts'

export type LeadOf =
  | { lead: 'accompaniment'; accountId: string }
  | { lead: 'ward_section'; unitId: string }
  | { lead: 'specialist'; unitId: string }
  | { lead: 'rediscuss' }

/**
 * Makes a case led as a meeting's decision would (cases.lead / lead_unit_id / lead_account_id /
 * next_review_on), straight in the database: the meetings module is built alongside this one.
 */
export async function makeLead(
  ctx: TestContext,
  city: TestCity,
  caseId: string,
  lead: LeadOf,
  nextReviewOn: string | null = '2026-12-20',
) {
  const team = await city.unitOf('accompaniment_team')
  const values =
    lead.lead === 'accompaniment'
      ? { lead: lead.lead, leadAccountId: lead.accountId, leadUnitId: team.id }
      : lead.lead === 'rediscuss'
        ? { lead: lead.lead, leadAccountId: null, leadUnitId: null }
        : { lead: lead.lead, leadAccountId: null, leadUnitId: lead.unitId }
  await ctx.db
    .update(cases)
    .set({ ...values, nextReviewOn })
    .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, caseId)))
}

/** A window case handed over to a ward (sakyo unless told), then led as given. */
export async function ledCase(
  ctx: TestContext,
  city: TestCity,
  window: Session,
  lead: LeadOf,
  options: { openedOn?: string; ward?: string; nextReviewOn?: string | null } = {},
) {
  const ward = options.ward ?? 'sakyo'
  const c = await openCase(window, { openedOn: options.openedOn ?? '2026-09-01', ward })
  await handOver(window, c.id, c.version, ward)
  await makeLead(
    ctx,
    city,
    c.id,
    lead,
    options.nextReviewOn === undefined ? '2026-12-20' : options.nextReviewOn,
  )
  return c
}

/** A ward's section by its code (the harness's ward staff belong to the first, kenko_choju). */
export async function sectionOf(ctx: TestContext, city: TestCity, ward: string, section: string) {
  const [unit] = await ctx.db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, city.tenantId),
        eq(orgUnits.wardCode, ward),
        eq(orgUnits.sectionCode, section),
      ),
    )
  if (!unit) throw new Error(`no section ${ward} ${section}`)
  return unit
}

/** A held meeting of the ward that reviewed the case, with tasks for the given units. */
export async function recordReview(
  ctx: TestContext,
  city: TestCity,
  caseId: string,
  heldOn: string,
  options: { ward?: string; lead?: string; taskUnitIds?: string[] } = {},
) {
  const [meeting] = await ctx.db
    .insert(meetings)
    .values({
      tenantId: city.tenantId,
      meetingNo: `m-${caseId.slice(0, 8)}-${heldOn}`,
      ward: options.ward ?? 'sakyo',
      heldOn,
      status: 'held',
    })
    .returning()
  const [review] = await ctx.db
    .insert(reviews)
    .values({
      tenantId: city.tenantId,
      meetingId: meeting!.id,
      caseId,
      kind: 'new',
      route: 'window',
      lead: options.lead ?? 'ward_section',
    })
    .returning()
  const units = options.taskUnitIds ?? []
  if (units.length > 0) {
    await ctx.db.insert(reviewAssignments).values(
      units.map((unitId, i) => ({
        tenantId: city.tenantId,
        reviewId: review!.id,
        position: i + 1,
        unitId,
        task: '経過の確認',
      })),
    )
  }
  return { meetingId: meeting!.id, reviewId: review!.id }
}

export async function addActivity(s: Session, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await s.post(`/api/cases/${caseId}/activities`, {
    doneOn: '2026-11-20',
    kind: 'home_listening',
    minutes: 60,
    note: '自宅を訪問し、本人と15分話した',
    ...overrides,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}
