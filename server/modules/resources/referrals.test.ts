import { and, asc, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, cases, referrals } from '#server/db/schema/index.ts'
import { fieldsOf, handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addReferral, createResource } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let window: Session
let hq: Session
let resourceId: string
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor', { name: '窓口 花子' })
  hq = await city.as('headquarters')
  resourceId = (await createResource(hq, { name: '若者の居場所' })).id
})
afterAll(() => ctx.close())

async function stored(tenantId: string) {
  const [r] = await ctx.db.select({ n: count() }).from(referrals).where(eq(referrals.tenantId, tenantId))
  const [e] = await ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.tenantId, tenantId))
  return { referrals: r!.n, events: e!.n }
}

/** Makes an accompaniment worker or an agency the case's lead, as a meeting's decision would. */
async function makeLead(caseId: string, values: Partial<typeof cases.$inferInsert>) {
  await ctx.db
    .update(cases)
    .set(values)
    .where(and(eq(cases.tenantId, city.tenantId), eq(cases.id, caseId)))
}

describe('referring a case', () => {
  it('adds a referral (調整中), lists it and records the outcome', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const added = await addReferral(window, c.id, {
      resourceId,
      referredOn: '2026/11/12',
      note: '見学の日程を調整',
    })
    expect(added).toMatchObject({
      caseId: c.id,
      resourceId,
      resourceName: '若者の居場所',
      resourceActive: true,
      referredOn: '2026-11-12',
      outcome: 'arranging',
      outcomeOn: null,
      note: '見学の日程を調整',
      accountName: '窓口 花子',
    })
    const later = await addReferral(window, c.id, { resourceId, referredOn: '2026-11-20' })
    const list = await window.get(`/api/cases/${c.id}/referrals`)
    expect(list.statusCode).toBe(200)
    expect(list.json().map((r: { id: string }) => r.id)).toEqual([later.id, added.id])

    const done = await window.patch(`/api/cases/${c.id}/referrals/${added.id}`, {
      outcome: 'connected',
      outcomeOn: '2026-11-21',
    })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      outcome: 'connected',
      outcomeOn: '2026-11-21',
      note: '見学の日程を調整',
    })
    const back = await window.patch(`/api/cases/${c.id}/referrals/${added.id}`, {
      outcome: 'arranging',
      note: '',
    })
    expect(back.json()).toMatchObject({ outcome: 'arranging', outcomeOn: null, note: null })
  })

  it('keeps the referral in the case history and audits without the note', async () => {
    const c = await openCase(window)
    const r = await addReferral(window, c.id, { resourceId, note: '母親が同行を希望' })
    // A minute later, so that the history's order (by time) is the order of the changes.
    ctx.clock.advance(60_000)
    await window.patch(`/api/cases/${c.id}/referrals/${r.id}`, {
      outcome: 'not_used',
      outcomeOn: '2026-11-22',
    })
    await window.get(`/api/cases/${c.id}/referrals`)
    const history = await window.get(`/api/cases/${c.id}/history`)
    expect(history.statusCode).toBe(200)
    const events = (history.json() as { action: string; changes: unknown }[]).filter((e) =>
      e.action.startsWith('referral_'),
    )
    expect(events.map((e) => e.action)).toEqual(['referral_added', 'referral_updated'])
    const resourceNo = (await hq.get(`/api/resources/${resourceId}`)).json().resourceNo
    expect(events[0]!.changes).toEqual([
      { field: 'referral.resource', from: null, to: `${resourceNo} 若者の居場所` },
      { field: 'referral.referredOn', from: null, to: '2026-11-20' },
      { field: 'referral.outcome', from: null, to: 'arranging' },
      { field: 'referral.note', from: null, to: '母親が同行を希望' },
    ])
    expect(events[1]!.changes).toEqual([
      { field: 'referral.resource', from: `${resourceNo} 若者の居場所`, to: `${resourceNo} 若者の居場所` },
      { field: 'referral.outcome', from: 'arranging', to: 'not_used' },
      { field: 'referral.outcomeOn', from: null, to: '2026-11-22' },
    ])
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, window.user.id)))
      .orderBy(asc(auditLog.id))
    const mine = audit.filter((a) => a.action.startsWith('referral.') && JSON.stringify(a).includes(c.id))
    expect(mine.map((a) => a.action)).toEqual(['referral.create', 'referral.update', 'referral.list'])
    expect(mine.find((a) => a.action === 'referral.update')!.detail).toEqual({
      caseId: c.id,
      fields: ['outcome', 'outcomeOn'],
    })
    expect(JSON.stringify(audit)).not.toContain('母親')
  })

  it('counts referrals per resource by outcome', async () => {
    const own = (await createResource(hq, { name: '数える資源' })).id
    const a = await openCase(window)
    const b = await openCase(window)
    const r1 = await addReferral(window, a.id, { resourceId: own })
    const r2 = await addReferral(window, b.id, { resourceId: own })
    await addReferral(window, b.id, { resourceId: own })
    await window.patch(`/api/cases/${a.id}/referrals/${r1.id}`, {
      outcome: 'connected',
      outcomeOn: '2026-11-23',
    })
    await window.patch(`/api/cases/${b.id}/referrals/${r2.id}`, {
      outcome: 'not_used',
      outcomeOn: '2026-11-23',
    })
    const expected = { total: 3, arranging: 1, connected: 1, not_used: 1 }
    expect((await window.get(`/api/resources/${own}`)).json().referrals).toEqual(expected)
    const listed = (await hq.get('/api/resources?q=数える資源')).json().items[0]
    expect(listed.referrals).toEqual(expected)
  })
})

describe('referral validation', () => {
  it('rejects dates before the opening or in the future, a missing or inactive resource; writes nothing', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const gone = await createResource(hq, { name: '終了した教室' })
    await hq.patch(`/api/resources/${gone.id}`, { active: false })
    const before = await stored(city.tenantId)
    const post = (body: object) => window.post(`/api/cases/${c.id}/referrals`, body)

    const early = await post({ resourceId, referredOn: '2026-11-09' })
    expect(early.statusCode).toBe(400)
    expect(early.json().errors).toEqual([{ field: 'referredOn', message: '受付日より前の日付です' }])
    const future = await post({ resourceId, referredOn: '2026-11-25' })
    expect(future.json().errors).toEqual([{ field: 'referredOn', message: '未来の日付は入力できません' }])
    const inactive = await post({ resourceId: gone.id, referredOn: '2026-11-20' })
    expect(inactive.json().errors).toEqual([
      {
        field: 'resourceId',
        message: '利用を終了した社会資源にはつなげません。別の社会資源を選択してください',
      },
    ])
    const unknown = await post({
      resourceId: '00000000-0000-4000-8000-000000000000',
      referredOn: '2026-11-20',
    })
    expect(unknown.json().errors).toEqual([
      { field: 'resourceId', message: '社会資源が見つかりません。一覧から選択してください' },
    ])
    const empty = await post({})
    expect(empty.statusCode).toBe(400)
    expect(empty.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'resourceId', message: '社会資源を選択してください' },
        { field: 'referredOn', message: '日付を入力してください' },
      ]),
    )
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('needs the outcome date for つながった / 利用に至らず, not before the referral nor in the future', async () => {
    const c = await openCase(window)
    const r = await addReferral(window, c.id, { resourceId, referredOn: '2026-11-15' })
    const before = await stored(city.tenantId)
    const patch = (body: object) => window.patch(`/api/cases/${c.id}/referrals/${r.id}`, body)
    expect((await patch({ outcome: 'connected' })).json().errors).toEqual([
      { field: 'outcomeOn', message: '結果の日付を入力してください' },
    ])
    expect((await patch({ outcome: 'not_used', outcomeOn: '2026-11-14' })).json().errors).toEqual([
      { field: 'outcomeOn', message: 'つないだ日より前の日付です' },
    ])
    expect((await patch({ outcome: 'connected', outcomeOn: '2026-11-25' })).json().errors).toEqual([
      { field: 'outcomeOn', message: '未来の日付は入力できません' },
    ])
    expect(fieldsOf((await patch({ outcome: 'done', outcomeOn: '2026-11-20' })).json())).toEqual(['outcome'])
    expect(await stored(city.tenantId)).toEqual(before)
    expect((await window.get(`/api/cases/${c.id}/referrals`)).json()[0].outcome).toBe('arranging')
  })

  it('answers 404 for a referral of another case', async () => {
    const a = await openCase(window)
    const b = await openCase(window)
    const onA = await addReferral(window, a.id, { resourceId })
    const res = await window.patch(`/api/cases/${b.id}/referrals/${onA.id}`, { outcome: 'arranging' })
    expect(res.statusCode).toBe(404)
  })
})

describe('who may read and record referrals', () => {
  let handedOver: { id: string }
  let referralId: string
  beforeAll(async () => {
    const c = await openCase(window)
    handedOver = await handOver(window, c.id, c.version, 'sakyo')
    referralId = (await addReferral(window, c.id, { resourceId })).id
  })

  const probe = async (s: Session) => ({
    list: (await s.get(`/api/cases/${handedOver.id}/referrals`)).statusCode,
    add: (await s.post(`/api/cases/${handedOver.id}/referrals`, { resourceId, referredOn: '2026-11-23' }))
      .statusCode,
    update: (await s.patch(`/api/cases/${handedOver.id}/referrals/${referralId}`, { outcome: 'arranging' }))
      .statusCode,
  })

  it('the window and the receiving ward’s coordinator and staff read and record', async () => {
    expect(await probe(window)).toEqual({ list: 200, add: 201, update: 200 })
    expect(await probe(await city.as('ward_coordinator', { ward: 'sakyo' }))).toEqual({
      list: 200,
      add: 201,
      update: 200,
    })
    expect(await probe(await city.as('ward_staff', { ward: 'sakyo' }))).toEqual({
      list: 200,
      add: 201,
      update: 200,
    })
  })

  it('another ward, headquarters, admin, and workers who do not lead the case get 404', async () => {
    const outsiders = [
      await city.as('ward_coordinator', { ward: 'kita' }),
      await city.as('ward_staff', { ward: 'kita' }),
      hq,
      await city.as('admin'),
      await city.as('accompaniment_worker'),
      await city.as('agency_member'),
    ]
    for (const s of outsiders) {
      expect(await probe(s), s.user.role).toEqual({ list: 404, add: 404, update: 404 })
    }
  })

  it('the lead worker (accompaniment worker, or the specialist agency’s member) reads and records', async () => {
    const worker = await city.as('accompaniment_worker')
    await makeLead(handedOver.id, { lead: 'accompaniment', leadAccountId: worker.user.id })
    expect(await probe(worker)).toEqual({ list: 200, add: 201, update: 200 })
    const agency = await city.as('agency_member')
    const me = (await agency.get('/api/auth/session')).json().account
    await makeLead(handedOver.id, { lead: 'specialist', leadAccountId: null, leadUnitId: me.unit.id })
    expect(await probe(agency)).toEqual({ list: 200, add: 201, update: 200 })
    expect((await worker.get(`/api/cases/${handedOver.id}/referrals`)).statusCode).toBe(404)
  })
})

describe('two cities', () => {
  it('cannot refer a case to another city’s resource, nor reach its referrals', async () => {
    const other = await ctx.newCity('別の市')
    const otherWindow = await other.as('window_counsellor')
    const c = await openCase(otherWindow)
    const res = await otherWindow.post(`/api/cases/${c.id}/referrals`, {
      resourceId,
      referredOn: '2026-11-20',
    })
    expect(res.json().errors).toEqual([
      { field: 'resourceId', message: '社会資源が見つかりません。一覧から選択してください' },
    ])
    const mine = await openCase(window)
    await addReferral(window, mine.id, { resourceId })
    expect((await otherWindow.get(`/api/cases/${mine.id}/referrals`)).statusCode).toBe(404)
  })
})
