import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, cases } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { addContact, fieldsOf, handOver, openCase } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const STALE = '他の職員が先に更新しました。画面を再読み込みしてください。'

async function rowCounts(tenantId: string) {
  const [c] = await ctx.db.select({ n: count() }).from(cases).where(eq(cases.tenantId, tenantId))
  const [e] = await ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.tenantId, tenantId))
  return { cases: c!.n, events: e!.n }
}

async function history(s: Session, id: string) {
  const res = await s.get(`/api/cases/${id}/history`)
  expect(res.statusCode).toBe(200)
  return res.json() as {
    action: string
    reason: string | null
    changes: { field: string; from: string | null; to: string | null }[]
  }[]
}

describe('correcting a case', () => {
  let window: Session
  beforeAll(async () => {
    window = await (await ctx.newCity()).as('window_counsellor', { name: '窓口 花子' })
  })

  it('changes only the fields sent, bumps the version and keeps from → to in the history', async () => {
    const c = await openCase(window, { urgency: 'normal', route: 'web' })
    const res = await window.patch(`/api/cases/${c.id}`, {
      version: 1,
      urgency: 'urgent',
      concerns: ['abuse'],
      name: null,
      reason: '聞き取りの誤り',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      version: 2,
      urgency: 'urgent',
      name: null,
      route: 'web',
      gender: 'male',
    })
    const updated = (await history(window, c.id)).find((e) => e.action === 'updated')!
    expect(updated.reason).toBe('聞き取りの誤り')
    expect(updated.changes).toEqual([
      { field: 'concerns', from: 'work;family_relations', to: 'abuse' },
      { field: 'urgency', from: 'normal', to: 'urgent' },
      { field: 'name', from: '山田 太郎', to: null },
    ])
  })

  it('re-derives the age band when the age changes', async () => {
    const c = await openCase(window, { age: 35 })
    const res = await window.patch(`/api/cases/${c.id}`, { version: 1, age: 52 })
    expect(res.json().ageBand).toBe('40plus')
    const bad = await window.patch(`/api/cases/${c.id}`, { version: 2, ageBand: 'under40' })
    expect(fieldsOf(bad.json())).toEqual(['ageBand'])
  })

  it('returns the case unchanged, without an event or a new version, when nothing changes', async () => {
    const c = await openCase(window)
    const res = await window.patch(`/api/cases/${c.id}`, { version: 1, urgency: 'normal', ward: '左京区' })
    expect(res.statusCode).toBe(200)
    expect(res.json().version).toBe(1)
    expect((await history(window, c.id)).map((e) => e.action)).toEqual(['created'])
  })

  it('refuses a change made on an old version with 409, and writes nothing', async () => {
    const c = await openCase(window)
    expect((await window.patch(`/api/cases/${c.id}`, { version: 1, urgency: 'early' })).statusCode).toBe(200)
    const before = await rowCounts(window.user.tenantId)
    const stale = await window.patch(`/api/cases/${c.id}`, { version: 1, urgency: 'urgent' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().detail).toBe(STALE)
    expect((await window.get(`/api/cases/${c.id}`)).json()).toMatchObject({ urgency: 'early', version: 2 })
    const staleClose = await window.post(`/api/cases/${c.id}/close`, {
      version: 1,
      closedOn: '2026-11-20',
      closureReason: 'advice',
    })
    expect(staleClose.statusCode).toBe(409)
    expect(staleClose.json().detail).toBe(STALE)
    expect(await rowCounts(window.user.tenantId)).toEqual(before)
  })

  it('does not move the opening date after a recorded contact', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    await addContact(window, c.id, { contactedOn: '2026-11-12' })
    const res = await window.patch(`/api/cases/${c.id}`, { version: 1, openedOn: '2026-11-15' })
    expect(res.statusCode).toBe(400)
    expect(fieldsOf(res.json())).toEqual(['openedOn'])
  })
})

describe('closing, handing over and reopening', () => {
  let city: TestCity
  let window: Session
  let sakyo: Session
  beforeAll(async () => {
    city = await ctx.newCity()
    window = await city.as('window_counsellor')
    sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
  })

  const close = (s: Session, id: string, version: number, closedOn = '2026-11-20') =>
    s.post(`/api/cases/${id}/close`, { version, closedOn, closureReason: 'introduced', note: '家族会を紹介' })

  it('closes with a reason; a closing date before the opening or in the future is a field error', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const early = await close(window, c.id, 1, '2026-11-09')
    expect(early.statusCode).toBe(400)
    expect(early.json().errors).toEqual([{ field: 'closedOn', message: '受付日より前の日付です' }])
    expect(fieldsOf((await close(window, c.id, 1, '2026-12-01')).json())).toEqual(['closedOn'])
    const res = await close(window, c.id, 1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      status: 'closed',
      closedOn: '2026-11-20',
      closureReason: 'introduced',
      closureNote: '家族会を紹介',
      version: 2,
    })
    const again = await close(window, c.id, 2)
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toMatch(/既に終結/)
    const handover = await window.post(`/api/cases/${c.id}/handover`, {
      version: 2,
      handedOverOn: '2026-11-21',
      ward: 'sakyo',
      summary: '要約',
    })
    expect(handover.statusCode).toBe(409)
  })

  it('hands a window case over to a ward by name, and the ward may close it later', async () => {
    const c = await openCase(window)
    const bad = await window.post(`/api/cases/${c.id}/handover`, {
      version: 1,
      handedOverOn: '2026-11-21',
      ward: '存在区',
      summary: '要約',
    })
    expect(fieldsOf(bad.json())).toEqual(['ward'])
    const res = await window.post(`/api/cases/${c.id}/handover`, {
      version: 1,
      handedOverOn: '2026-11-21',
      ward: '左京区',
      summary: '区での継続支援が必要',
    })
    expect(res.json()).toMatchObject({
      status: 'handed_over',
      handedOverOn: '2026-11-21',
      handedOverTo: 'sakyo',
      handoverSummary: '区での継続支援が必要',
      wardState: 'assessing',
      wardRoute: 'window',
      version: 2,
    })
    const handedOver = (await history(window, c.id)).find((e) => e.action === 'handed_over')!
    expect(handedOver.changes).toContainEqual({ field: 'wardRoute', from: null, to: 'window' })
    const closed = await close(sakyo, c.id, 2, '2026-11-23')
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({
      status: 'closed',
      handedOverOn: '2026-11-21',
      closedOn: '2026-11-23',
    })
    // Reopening a case the ward closed gives it back to the ward.
    const reopened = await sakyo.post(`/api/cases/${c.id}/reopen`, {
      version: 3,
      reason: '家族から再度の連絡',
    })
    expect(reopened.json()).toMatchObject({ status: 'handed_over', handedOverTo: 'sakyo', closedOn: null })
  })

  it('reopens with a reason, clears the closure and keeps the old values in the history', async () => {
    const c = await openCase(window)
    await close(window, c.id, 1)
    const noReason = await window.post(`/api/cases/${c.id}/reopen`, { version: 2 })
    expect(noReason.statusCode).toBe(400)
    expect(fieldsOf(noReason.json())).toEqual(['reason'])
    const res = await window.post(`/api/cases/${c.id}/reopen`, { version: 2, reason: '本人から連絡' })
    expect(res.json()).toMatchObject({
      status: 'open',
      closedOn: null,
      closureReason: null,
      closureNote: null,
    })
    const reopened = (await history(window, c.id)).find((e) => e.action === 'reopened')!
    expect(reopened.reason).toBe('本人から連絡')
    expect(reopened.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', from: 'closed', to: 'open' },
        { field: 'closedOn', from: '2026-11-20', to: null },
        { field: 'closureReason', from: 'introduced', to: null },
      ]),
    )
  })

  it('takes a handed-over case back to the window, clearing the handover', async () => {
    const c = await openCase(window)
    await handOver(window, c.id, 1)
    const res = await window.post(`/api/cases/${c.id}/reopen`, {
      version: 2,
      reason: '区との協議で窓口に戻す',
    })
    expect(res.json()).toMatchObject({
      status: 'open',
      handedOverTo: null,
      handedOverOn: null,
      handoverSummary: null,
      wardState: null,
      wardRoute: null,
    })
    const event = (await history(window, c.id)).find((e) => e.action === 'reopened')!
    expect(event.changes).toContainEqual({ field: 'handedOverTo', from: 'sakyo', to: null })
    expect((await sakyo.get(`/api/cases/${c.id}`)).statusCode).toBe(404)
  })

  it('does not let a ward hand a case on', async () => {
    const c = await openCase(sakyo)
    const res = await sakyo.post(`/api/cases/${c.id}/handover`, {
      version: 1,
      handedOverOn: '2026-11-21',
      ward: 'kita',
      summary: '要約',
    })
    expect(res.statusCode).toBe(403)
    expect((await sakyo.get(`/api/cases/${c.id}`)).json().status).toBe('open')
  })
})
