import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, contacts, inquiryMessages } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { countResidentMessage } from './index.ts'
import { insertResidentMessage, insertThread, reply } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const at = (iso: string) => new Date(iso)

async function mailCells(hq: Session) {
  const res = await hq.get('/api/reports?from=2026-04-01&to=2027-03-31')
  expect(res.statusCode, res.body).toBe(200)
  return res.json().consultations.contacts.byMethod.mail as Record<string, number>
}

const contactsOfCase = (caseId: string) =>
  ctx.db
    .select()
    .from(contacts)
    .where(eq(contacts.caseId, caseId))
    .orderBy(contacts.contactedOn, contacts.time)

describe('a thread and a case', () => {
  it('opens a case from a thread: 相談者 who wrote, 経路 ウェブサイト, and every message a メール contact in 表3', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor', { name: '窓口 一郎' })
    const hq = await city.as('headquarters')
    const thread = await insertThread(ctx.db, city.tenantId, {
      senderRole: 'self',
      subjectAgeBand: 'under40',
      messages: [
        { body: '外に出られません', at: at('2026-11-20T14:30:00Z') },
        { body: 'もう少し書きます', at: at('2026-11-21T01:00:00Z') },
      ],
    })
    await reply(me, thread.id, { minutes: 15 })
    expect(await mailCells(hq)).toEqual({ self: 0, family: 0, other: 0, total: 0 })

    const res = await me.post(`/api/inquiries/${thread.id}/case`, { urgency: 'early', concerns: ['work'] })
    expect(res.statusCode, res.body).toBe(201)
    const linked = res.json()
    expect(linked.caseId).toEqual(expect.any(String))
    expect(linked.caseNo).toMatch(/^2026-\d{5}$/)
    expect(linked.messages.map((m: { counted: boolean }) => m.counted)).toEqual([true, true, true])

    const theCase = (await me.get(`/api/cases/${linked.caseId}`)).json()
    expect(theCase).toMatchObject({
      firstConsulter: 'self',
      route: 'web',
      ageBand: 'under40',
      urgency: 'early',
      concerns: ['work'],
      intakeUnit: 'window',
      // The day (in Tokyo) the resident first wrote: 2026-11-20 23:30 JST.
      openedOn: '2026-11-20',
      staffId: me.user.id,
    })
    const rows = await contactsOfCase(linked.caseId)
    expect(rows.map((c) => [c.contactedOn, c.time, c.method, c.counterpart, c.minutes, c.staffId])).toEqual([
      ['2026-11-20', '23:30', 'mail', 'self', null, me.user.id],
      ['2026-11-21', '10:00', 'mail', 'self', null, me.user.id],
      ['2026-11-24', '10:00', 'mail', 'self', 15, me.user.id],
    ])
    // The contact names the thread; the text stays in the thread (where retention removes it).
    expect(rows.every((c) => c.summary?.includes(thread.code))).toBe(true)
    expect(JSON.stringify(rows)).not.toContain('外に出られません')
    const messages = await ctx.db
      .select()
      .from(inquiryMessages)
      .where(eq(inquiryMessages.threadId, thread.id))
    expect(new Set(messages.map((m) => m.contactId))).toEqual(new Set(rows.map((c) => c.id)))

    expect(await mailCells(hq)).toEqual({ self: 3, family: 0, other: 0, total: 3 })

    // Written after linking: a staff reply and a resident's message count at once.
    await reply(me, thread.id, { minutes: 30 })
    const messageId = await insertResidentMessage(
      ctx.db,
      city.tenantId,
      thread.id,
      'ありがとうございます',
      at('2026-11-24T02:00:00Z'),
    )
    const counted = await ctx.db.transaction((tx) =>
      countResidentMessage(tx, {
        tenantId: city.tenantId,
        threadId: thread.id,
        clientAddress: '203.0.113.9',
        now: at('2026-11-24T02:00:00Z'),
      }),
    )
    expect(counted).toBe(1)
    const after = await contactsOfCase(linked.caseId)
    expect(after.slice(3).map((c) => [c.counterpart, c.minutes, c.staffId])).toEqual([
      ['self', 30, me.user.id],
      ['self', null, me.user.id],
    ])
    const [residentMessage] = await ctx.db
      .select()
      .from(inquiryMessages)
      .where(eq(inquiryMessages.id, messageId))
    expect(residentMessage!.contactId).toBe(after[4]!.id)
    expect(await mailCells(hq)).toEqual({ self: 5, family: 0, other: 0, total: 5 })

    // The resident's contact is in the case history and the audit log without a staff member.
    const events = await ctx.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, linked.caseId), eq(caseEvents.actorName, 'ウェブ相談（相談者）')))
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['contact_added', null]])
    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, after[4]!.id)))
    expect(audits.map((a) => [a.action, a.actorId, a.clientAddress])).toEqual([
      ['contact.create', null, '203.0.113.9'],
    ])
    const linkAudit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry.case.open')))
    expect(linkAudit.map((a) => a.detail)).toEqual([{ caseId: linked.caseId, contacts: 3 }])

    // A thread takes one case.
    expect((await me.post(`/api/inquiries/${thread.id}/case`, {})).statusCode).toBe(409)
  })

  it('attaches a thread to a case the window works on; family and other writers count as such', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const hq = await city.as('headquarters')
    const existing = await openCase(me, { openedOn: '2026-11-01' })
    const family = await insertThread(ctx.db, city.tenantId, { senderRole: 'family' })
    const other = await insertThread(ctx.db, city.tenantId, { senderRole: 'other' })
    await reply(me, other.id, { minutes: 10 })

    const a = await me.post(`/api/inquiries/${family.id}/case-link`, { caseId: existing.id })
    expect(a.statusCode, a.body).toBe(200)
    expect(a.json()).toMatchObject({ caseId: existing.id, caseNo: existing.caseNo })
    const b = await me.post(`/api/inquiries/${other.id}/case-link`, { caseId: existing.id })
    expect(b.statusCode, b.body).toBe(200)
    expect(await mailCells(hq)).toEqual({ self: 0, family: 1, other: 2, total: 3 })
    const rows = await contactsOfCase(existing.id)
    expect(
      rows
        .filter((c) => c.method === 'mail')
        .map((c) => c.minutes)
        .sort(),
    ).toEqual([10, null, null])
    // The case's own contacts list shows them, as any contact.
    const listed = (await me.get(`/api/cases/${existing.id}/contacts`)).json() as { method: string }[]
    expect(listed.filter((c) => c.method === 'mail')).toHaveLength(3)
  })

  it('refuses a case outside the window’s reach, a closed case, and another city’s case', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const ward = await city.as('ward_coordinator', { ward: 'sakyo' })
    const thread = await insertThread(ctx.db, city.tenantId)
    const atWard = await openCase(ward)
    expect((await me.post(`/api/inquiries/${thread.id}/case-link`, { caseId: atWard.id })).statusCode).toBe(
      404,
    )
    const handed = await openCase(me)
    await handOver(me, handed.id, handed.version)
    expect((await me.post(`/api/inquiries/${thread.id}/case-link`, { caseId: handed.id })).statusCode).toBe(
      403,
    )
    const closing = await openCase(me)
    const closed = await me.post(`/api/cases/${closing.id}/close`, {
      version: closing.version,
      closedOn: '2026-11-23',
      closureReason: 'advice',
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect((await me.post(`/api/inquiries/${thread.id}/case-link`, { caseId: closing.id })).statusCode).toBe(
      409,
    )
    const elsewhere = await openCase(await (await ctx.newCity('隣市')).as('window_counsellor'))
    expect(
      (await me.post(`/api/inquiries/${thread.id}/case-link`, { caseId: elsewhere.id })).statusCode,
    ).toBe(404)
    const bad = await me.post(`/api/inquiries/${thread.id}/case-link`, { caseId: 'abc' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toContainEqual({ field: 'caseId', message: '識別子の形式が正しくありません' })
    const badCase = await me.post(`/api/inquiries/${thread.id}/case`, {
      name: '名前\u0000',
      openedOn: '2099-01-01',
    })
    expect(badCase.statusCode).toBe(400)
    expect(badCase.json().errors).toContainEqual({
      field: 'name',
      message: '制御文字（NUL など）は使えません',
    })
    const future = await me.post(`/api/inquiries/${thread.id}/case`, { openedOn: '2099-01-01' })
    expect(future.statusCode).toBe(400)
    expect((await me.get(`/api/inquiries/${thread.id}`)).json()).toMatchObject({
      caseId: null,
      claimedBy: null,
    })
    expect((await me.get('/api/cases')).json().total).toBe(2)
  })

  it('never counts spam: a spam thread cannot be linked, a linked one cannot become spam', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const hq = await city.as('headquarters')
    const spam = await insertThread(ctx.db, city.tenantId, { spam: true })
    const existing = await openCase(me)
    expect((await me.post(`/api/inquiries/${spam.id}/case`, {})).statusCode).toBe(409)
    expect((await me.post(`/api/inquiries/${spam.id}/case-link`, { caseId: existing.id })).statusCode).toBe(
      409,
    )
    expect(
      await countResidentMessage(ctx.db, {
        tenantId: city.tenantId,
        threadId: spam.id,
        clientAddress: '203.0.113.9',
        now: at('2026-11-24T01:00:00Z'),
      }),
    ).toBe(0)
    expect(await mailCells(hq)).toEqual({ self: 0, family: 0, other: 0, total: 0 })

    const real = await insertThread(ctx.db, city.tenantId)
    await me.post(`/api/inquiries/${real.id}/case-link`, { caseId: existing.id })
    const refused = await me.post(`/api/inquiries/${real.id}/spam`, { spam: true })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toBe('ケースに結び付いた相談は迷惑として扱えません')
    expect(await mailCells(hq)).toEqual({ self: 0, family: 1, other: 0, total: 1 })
  })
})
