import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addContact, openCase } from './test-support.ts'

// The harness's clock: 2026-11-24 10:00 in Tokyo.
let ctx: TestContext
let city: TestCity
let me: Session
let sakyo: Session
const no: Record<string, string> = {}

type Item = { caseNo: string; bucket: string; mine: boolean; dueOn: string; dueTime: string | null }
const dueList = async (s: Session, whose?: string) => {
  const res = await s.get(`/api/due-steps${whose ? `?whose=${whose}` : ''}`)
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { today: string; items: Item[]; truncated: boolean }
}
const listed = (items: Item[]) => items.map((i) => [i.caseNo, i.bucket])

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  me = await city.as('window_counsellor', { name: '窓口 一郎' })
  const colleague = await city.user('window_counsellor', { name: '窓口 二郎' })
  sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })

  const withStep = async (
    key: string,
    dueOn: string,
    extra: Record<string, unknown> = {},
    staff = me.user.id,
  ) => {
    const c = await openCase(me, { openedOn: '2026-11-01', staffId: staff, name: `本人 ${key}` })
    no[key] = c.caseNo
    await addContact(me, c.id, {
      contactedOn: '2026-11-10',
      nextStep: `${key}の次`,
      nextStepDueOn: dueOn,
      ...extra,
    })
    return c
  }
  await withStep('upcoming', '2026-11-28')
  await withStep('todayUntimed', '2026-11-24')
  await withStep('todayTimed', '2026-11-24', { nextStepDueTime: '15:00' })
  await withStep('overdue', '2026-11-20')
  await withStep('tooFar', '2026-12-02')
  await withStep('colleagues', '2026-11-19', {}, colleague.id)
  // A later contact without a due date supersedes the earlier step: nothing is due.
  const done = await withStep('superseded', '2026-11-21')
  await addContact(me, done.id, { contactedOn: '2026-11-21', nextStep: null })
  // Same day: an untimed contact counts as the day's earliest, so the 10:00 one is current.
  const sameDay = await openCase(me, { openedOn: '2026-11-01' })
  no.sameDay = sameDay.caseNo
  await addContact(me, sameDay.id, { contactedOn: '2026-11-20', time: '10:00', nextStepDueOn: '2026-11-25' })
  await addContact(me, sameDay.id, { contactedOn: '2026-11-20', time: null, nextStepDueOn: '2026-11-26' })
  // A closed case is no one's work any more.
  const closed = await withStep('closed', '2026-11-22')
  const close = await me.post(`/api/cases/${closed.id}/close`, {
    version: closed.version,
    closedOn: '2026-11-23',
    closureReason: 'introduced',
  })
  expect(close.statusCode, close.body).toBe(200)
  // Another ward's case.
  const ward = await openCase(sakyo, { openedOn: '2026-11-01' })
  no.ward = ward.caseNo
  await addContact(sakyo, ward.id, { contactedOn: '2026-11-10', nextStepDueOn: '2026-11-24' })
})
afterAll(() => ctx.close())

describe('GET /api/due-steps (the home page’s 期日の近い対応)', () => {
  it('lists my cases’ current next steps, overdue then today (timed first) then the next seven days', async () => {
    const body = await dueList(me)
    expect(body.today).toBe('2026-11-24')
    expect(listed(body.items)).toEqual([
      [no.overdue, 'overdue'],
      [no.todayTimed, 'today'],
      [no.todayUntimed, 'today'],
      [no.sameDay, 'upcoming'],
      [no.upcoming, 'upcoming'],
    ])
    expect(body.items.every((i) => i.mine)).toBe(true)
    expect(body.items.find((i) => i.caseNo === no.sameDay)?.dueOn).toBe('2026-11-25')
    expect(body.items[1]).toMatchObject({
      dueTime: '15:00',
      nextStep: 'todayTimedの次',
      name: '本人 todayTimed',
    })
    expect(body.truncated).toBe(false)
  })

  it('for the team, lists everyone’s in scope with mine first, then the others’ by due date', async () => {
    const body = await dueList(me, 'team')
    expect(listed(body.items)).toEqual([
      [no.overdue, 'overdue'],
      [no.todayTimed, 'today'],
      [no.todayUntimed, 'today'],
      [no.sameDay, 'upcoming'],
      [no.upcoming, 'upcoming'],
      [no.colleagues, 'overdue'],
    ])
    expect(body.items.at(-1)).toMatchObject({ mine: false, staffName: '窓口 二郎' })
  })

  it('keeps to the caller’s scope: another ward sees only its own, the window never the ward’s', async () => {
    expect(listed((await dueList(sakyo, 'team')).items)).toEqual([[no.ward, 'today']])
    expect((await dueList(me, 'team')).items.map((i) => i.caseNo)).not.toContain(no.ward)
    const hq = await city.as('headquarters')
    expect((await hq.get('/api/due-steps')).statusCode).toBe(403)
    expect((await me.get('/api/due-steps?whose=everyone')).statusCode).toBe(400)
  })

  it('audits each read with counts only, never a name or a step', async () => {
    await dueList(me, 'team')
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'case.due_steps')))
    expect(rows.filter((r) => r.actorId === me.user.id).map((r) => r.detail)).toContainEqual({
      whose: 'team',
      count: 6,
    })
    expect(JSON.stringify(rows)).not.toContain('本人')
    expect(JSON.stringify(rows)).not.toContain('の次')
  })
})
