import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, contacts } from '#server/db/schema/index.ts'
import { addContact, fieldsOf, handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
let city: TestCity
let window: Session
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor', { name: '窓口 次郎' })
})
afterAll(() => ctx.close())

async function stored(tenantId: string) {
  const [c] = await ctx.db.select({ n: count() }).from(contacts).where(eq(contacts.tenantId, tenantId))
  const [e] = await ctx.db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.tenantId, tenantId))
  return { contacts: c!.n, events: e!.n }
}

describe('recording contacts', () => {
  it('adds a contact with the caller as staff and lists the timeline newest first', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const first = await addContact(window, c.id, { contactedOn: '2026-11-12', time: '9:30', minutes: 20 })
    expect(first).toMatchObject({
      caseId: c.id,
      contactedOn: '2026-11-12',
      time: '09:30',
      staffId: window.user.id,
      staffName: '窓口 次郎',
      minutes: 20,
    })
    const untimed = await addContact(window, c.id, { contactedOn: '2026-11-20', time: null })
    const morning = await addContact(window, c.id, { contactedOn: '2026-11-20', time: '10:00' })
    const evening = await addContact(window, c.id, { contactedOn: '2026-11-20', time: '18:00' })
    const list = await window.get(`/api/cases/${c.id}/contacts`)
    expect(list.statusCode).toBe(200)
    expect(list.json().map((x: { id: string }) => x.id)).toEqual([
      evening.id,
      morning.id,
      untimed.id,
      first.id,
    ])
    const detail = (await window.get(`/api/cases/${c.id}`)).json()
    expect(detail).toMatchObject({ contactCount: 4, lastContactOn: '2026-11-20', version: 1 })
  })

  it('records the contact in the case history and the audit log without its summary', async () => {
    const c = await openCase(window)
    const added = await addContact(window, c.id, {
      summary: '母親から電話。本人は自室にいる',
      method: 'phone',
    })
    const events = (await window.get(`/api/cases/${c.id}/history`)).json()
    const event = events.find((e: { action: string }) => e.action === 'contact_added')
    expect(event.changes).toContainEqual({ field: 'contact.method', from: null, to: 'phone' })
    await window.get(`/api/cases/${c.id}/contacts`)
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, window.user.id)))
    const actions = audit.map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['contact.create', 'contact.list']))
    expect(audit.some((r) => r.action === 'contact.create' && r.recordId === added.id)).toBe(true)
    expect(audit.some((r) => r.action === 'contact.list' && r.recordId === c.id)).toBe(true)
    expect(JSON.stringify(audit)).not.toContain('母親')
  })

  it('rejects a date before the opening or in the future, an unknown staff member, and writes nothing', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const before = await stored(city.tenantId)
    const early = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-11-09',
      method: 'phone',
      counterpart: 'self',
    })
    expect(early.statusCode).toBe(400)
    expect(early.json().errors).toEqual([{ field: 'contactedOn', message: '受付日より前の日付です' }])
    const future = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-11-25',
      method: 'phone',
      counterpart: 'self',
    })
    expect(future.json().errors).toEqual([{ field: 'contactedOn', message: '未来の日付は入力できません' }])
    const admin = await city.user('admin')
    const staff = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-11-20',
      method: 'phone',
      counterpart: 'self',
      staffId: admin.id,
    })
    expect(fieldsOf(staff.json())).toEqual(['staffId'])
    const impossible = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-02-30',
      method: 'phone',
      counterpart: 'self',
    })
    expect(fieldsOf(impossible.json())).toEqual(['contactedOn'])
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('refuses contacts on a closed case with 409 until it is reopened', async () => {
    const c = await openCase(window)
    await window.post(`/api/cases/${c.id}/close`, {
      version: 1,
      closedOn: '2026-11-20',
      closureReason: 'advice',
    })
    const res = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-11-21',
      method: 'phone',
      counterpart: 'self',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe(
      '終結したケースには対応記録を追加できません。再開してから記録してください。',
    )
    await window.post(`/api/cases/${c.id}/reopen`, { version: 2, reason: '再相談' })
    await addContact(window, c.id, { contactedOn: '2026-11-21' })
  })

  it('lets only the receiving ward record contacts on a handed-over case', async () => {
    const sakyo = await city.as('ward_staff', { ward: 'sakyo' })
    const c = await openCase(window)
    await handOver(window, c.id, 1)
    const body = { contactedOn: '2026-11-23', method: 'visit', counterpart: 'self' }
    expect((await window.post(`/api/cases/${c.id}/contacts`, body)).statusCode).toBe(403)
    const res = await sakyo.post(`/api/cases/${c.id}/contacts`, body)
    expect(res.statusCode).toBe(201)
    expect(res.json().staffId).toBe(sakyo.user.id)
  })

  it('shows the ledger’s staff name for imported contacts without an account', async () => {
    const c = await openCase(window)
    await ctx.db.insert(contacts).values({
      tenantId: city.tenantId,
      caseId: c.id,
      contactedOn: '2026-11-15',
      method: 'phone',
      counterpart: 'family',
      staffName: '旧台帳 担当',
    })
    const [row] = (await window.get(`/api/cases/${c.id}/contacts`)).json()
    expect(row).toMatchObject({ staffId: null, staffName: '旧台帳 担当' })
  })
})

describe('correcting contacts', () => {
  it('changes the fields sent and keeps from → to with the reason in the case history', async () => {
    const c = await openCase(window)
    const added = await addContact(window, c.id, { minutes: 10, method: 'phone' })
    const res = await window.patch(`/api/cases/${c.id}/contacts/${added.id}`, {
      minutes: 45,
      method: 'in_person',
      reason: '所要時間の記入誤り',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      minutes: 45,
      method: 'in_person',
      counterpart: 'family',
      time: '14:05',
    })
    const events = (await window.get(`/api/cases/${c.id}/history`)).json()
    const corrected = events.find((e: { action: string }) => e.action === 'contact_corrected')
    expect(corrected.reason).toBe('所要時間の記入誤り')
    expect(corrected.changes).toEqual([
      { field: 'contact.method', from: 'phone', to: 'in_person' },
      { field: 'contact.minutes', from: '10', to: '45' },
    ])
    // Contacts carry no version: the case's version is untouched.
    expect((await window.get(`/api/cases/${c.id}`)).json().version).toBe(1)
  })

  it('writes no history entry when nothing changes, and rejects a date before the opening', async () => {
    const c = await openCase(window, { openedOn: '2026-11-10' })
    const added = await addContact(window, c.id, { minutes: 10 })
    const before = await stored(city.tenantId)
    expect((await window.patch(`/api/cases/${c.id}/contacts/${added.id}`, { minutes: 10 })).statusCode).toBe(
      200,
    )
    const bad = await window.patch(`/api/cases/${c.id}/contacts/${added.id}`, { contactedOn: '2026-11-01' })
    expect(fieldsOf(bad.json())).toEqual(['contactedOn'])
    expect(await stored(city.tenantId)).toEqual(before)
  })

  it('answers 404 for a contact of another case', async () => {
    const a = await openCase(window)
    const b = await openCase(window)
    const onA = await addContact(window, a.id)
    expect((await window.patch(`/api/cases/${b.id}/contacts/${onA.id}`, { minutes: 5 })).statusCode).toBe(404)
  })
})
