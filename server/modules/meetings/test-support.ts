// Helpers for the meetings tests: a city with everyone who takes part in (or is kept out of) a
// ward's meetings, cases brought to the ward and ready for the meeting, meetings scheduled
// through the API.
import { and, eq } from 'drizzle-orm'
import { expect } from 'vitest'
import { accounts, cases, orgUnits, settings } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import type { Session, TestCity, TestContext } from '#server/test/harness.ts'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'

export const TODAY = '2026-11-24'
export const TEST_NOW = new Date('2026-11-24T01:00:00Z')

/** The ward's additional assessment and the person's consent, as the agenda shows them. */
export const READY_FIELDS = {
  wardAssessment: '区で家族と面談。本人は昼夜逆転の生活',
  consentOn: '2026-11-22',
  consentNote: '母親を通じて本人が同意',
}

export async function unitIdOf(ctx: TestContext, s: Session): Promise<string> {
  const [row] = await ctx.db
    .select({ unitId: accounts.unitId })
    .from(accounts)
    .where(and(eq(accounts.tenantId, s.user.tenantId), eq(accounts.id, s.user.id)))
  return row!.unitId
}

export async function sectionOf(ctx: TestContext, tenantId: string, ward: string, code = 'kenko_choju') {
  const [row] = await ctx.db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.tenantId, tenantId),
        eq(orgUnits.kind, 'ward_section'),
        eq(orgUnits.wardCode, ward),
        eq(orgUnits.sectionCode, code),
      ),
    )
  return row!.id
}

export async function teamOf(ctx: TestContext, tenantId: string) {
  const [row] = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'accompaniment_team')))
  return row!.id
}

export async function setCase(
  ctx: TestContext,
  tenantId: string,
  id: string,
  values: Partial<typeof cases.$inferInsert>,
) {
  await ctx.db
    .update(cases)
    .set(values)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)))
}

export async function readCase(ctx: TestContext, tenantId: string, id: string) {
  const [row] = await ctx.db
    .select()
    .from(cases)
    .where(and(eq(cases.tenantId, tenantId), eq(cases.id, id)))
  return row!
}

export async function setAgencyViewDays(ctx: TestContext, tenantId: string, days: number) {
  await ctx.db
    .insert(settings)
    .values({ tenantId, key: 'agencyViewDays', value: days })
    .onConflictDoUpdate({ target: [settings.tenantId, settings.key], set: { value: days } })
}

/**
 * A window case handed over to `ward` and made ready for the meeting (会議付議可). The ward's
 * assessment endpoint belongs to another module, so the ward's side is set in the store.
 */
export async function readyCase(
  ctx: TestContext,
  window: Session,
  ward = 'sakyo',
  overrides: Record<string, unknown> = {},
) {
  const opened = await openCase(window, { ward, ...overrides })
  await handOver(window, opened.id, opened.version, ward)
  await setCase(ctx, window.user.tenantId, opened.id, {
    wardState: 'ready',
    wardRoute: 'window',
    ...READY_FIELDS,
  })
  return opened
}

/**
 * Schedules through the API. Tests schedule many meetings on TODAY, so the same-date check is
 * confirmed here unless the body says otherwise (meetings.prepare.test.ts tests the check).
 */
export async function schedule(
  coordinator: Session,
  body: Record<string, unknown> = {},
): Promise<MeetingDetail> {
  const res = await coordinator.post('/api/meetings', {
    confirmSameDate: true,
    heldOn: TODAY,
    startTime: '14:00',
    place: '左京区役所 第1会議室',
    chair: '左京区保健福祉センター長',
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

export async function putOnAgenda(
  coordinator: Session,
  meetingId: string,
  caseId: string,
  body: Record<string, unknown> = {},
): Promise<MeetingDetail> {
  const res = await coordinator.post(`/api/meetings/${meetingId}/agenda`, { caseId, kind: 'new', ...body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

export async function invite(
  coordinator: Session,
  meetingId: string,
  attendees: { unitId: string; attended?: boolean }[],
): Promise<MeetingDetail> {
  const res = await coordinator.put(`/api/meetings/${meetingId}/attendees`, {
    attendees: attendees.map((a) => ({ attended: false, ...a })),
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

export async function decide(
  coordinator: Session,
  meetingId: string,
  caseId: string,
  body: Record<string, unknown>,
): Promise<MeetingDetail> {
  const res = await coordinator.put(`/api/meetings/${meetingId}/decisions/${caseId}`, body)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

/** Everyone a ward meeting concerns, in one city: sakyo's meeting is the one under test. */
export async function meetingCast(ctx: TestContext, city: TestCity) {
  const coordinator = await city.as('ward_coordinator', { ward: 'sakyo', name: '左京 係長' })
  const cast = {
    coordinator,
    staff: await city.as('ward_staff', { ward: 'sakyo' }),
    otherCoordinator: await city.as('ward_coordinator', { ward: 'kita' }),
    otherStaff: await city.as('ward_staff', { ward: 'kita' }),
    window: await city.as('window_counsellor'),
    worker: await city.as('accompaniment_worker', { name: '支援員 一郎' }),
    otherWorker: await city.as('accompaniment_worker'),
    agency: await city.as('agency_member'),
    otherAgency: await city.as('agency_member'),
    headquarters: await city.as('headquarters'),
    admin: await city.as('admin'),
  }
  return {
    ...cast,
    agencyUnit: await unitIdOf(ctx, cast.agency),
    otherAgencyUnit: await unitIdOf(ctx, cast.otherAgency),
    section: await sectionOf(ctx, city.tenantId, 'sakyo'),
    team: await teamOf(ctx, city.tenantId),
  }
}
export type MeetingCast = Awaited<ReturnType<typeof meetingCast>>

export const del = (s: Session, url: string) => s.request({ method: 'DELETE', url })
