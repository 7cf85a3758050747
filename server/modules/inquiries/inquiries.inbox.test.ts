import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { ROLES } from '#shared/codes.ts'
import { insertThread } from './test-support.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

// The test clock stands at 2026-11-24T01:00Z; the default overdue time is 48 hours.
const hoursAgo = (h: number) => new Date(Date.parse('2026-11-24T01:00:00Z') - h * 3_600_000)

describe('the window’s inbox', () => {
  it('lists each view newest first, with every view’s count, and spam and closed only in their own', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const colleague = await city.user('window_counsellor', { name: '同僚 花子' })
    const t = (h: number) => [{ body: `${h}時間前の相談`, at: hoursAgo(h) }]
    const fresh = await insertThread(ctx.db, city.tenantId, { messages: t(1) })
    const urgent = await insertThread(ctx.db, city.tenantId, { messages: t(2), urgent: true })
    const overdue = await insertThread(ctx.db, city.tenantId, { messages: t(49) })
    const mine = await insertThread(ctx.db, city.tenantId, { messages: t(3), claimedBy: me.user.id })
    const theirs = await insertThread(ctx.db, city.tenantId, { messages: t(4), claimedBy: colleague.id })
    const spam = await insertThread(ctx.db, city.tenantId, { messages: t(0.5), spam: true })
    const closed = await insertThread(ctx.db, city.tenantId, {
      messages: t(5),
      status: 'closed',
      answered: true,
    })

    const ids = async (filter: string) => {
      const res = await me.get(`/api/inquiries?filter=${filter}`)
      expect(res.statusCode, res.body).toBe(200)
      return (res.json().items as { id: string }[]).map((i) => i.id)
    }
    expect(await ids('open')).toEqual([fresh.id, urgent.id, mine.id, theirs.id, overdue.id])
    expect(await ids('new')).toEqual([fresh.id, urgent.id, overdue.id])
    expect(await ids('mine')).toEqual([mine.id])
    expect(await ids('urgent')).toEqual([urgent.id])
    expect(await ids('overdue')).toEqual([overdue.id])
    expect(await ids('spam')).toEqual([spam.id])
    expect(await ids('closed')).toEqual([closed.id])

    const page = (await me.get('/api/inquiries')).json()
    expect(page.counts).toEqual({ new: 3, mine: 1, urgent: 1, overdue: 1, open: 5, spam: 1, closed: 1 })
    expect(page.total).toBe(5)
    expect(page.overdueHours).toBe(48)
    const item = page.items.find((i: { id: string }) => i.id === theirs.id)
    expect(item).toMatchObject({
      code: theirs.code,
      senderRole: 'family',
      subjectAgeBand: '40plus',
      nickname: 'さくら',
      claimedBy: { id: colleague.id, name: '同僚 花子' },
      overdue: false,
      messageCount: 1,
      caseNo: null,
    })
    expect(page.items.find((i: { id: string }) => i.id === overdue.id).overdue).toBe(true)

    const second = (await me.get('/api/inquiries?filter=open&page=2&pageSize=2')).json()
    expect(second.items.map((i: { id: string }) => i.id)).toEqual([mine.id, theirs.id])
    expect(second.total).toBe(5)

    // The home page: new, urgent, overdue (and the caller's own).
    const counts = await me.get('/api/inquiries/counts')
    expect(counts.json()).toEqual({ new: 3, urgent: 1, overdue: 1, mine: 1 })
  })

  it('shows one thread with its messages in order, and audits the read', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const thread = await insertThread(ctx.db, city.tenantId, {
      senderRole: 'self',
      subjectAgeBand: 'under40',
      nickname: 'ひかり',
      acceptsCall: true,
      phone: '090-1234-5678',
      noticeAddress: 'hikari@example.jp',
      messages: [
        { body: '最初の相談です', at: hoursAgo(30) },
        { body: '消えたいと思うことがあります', at: hoursAgo(10), urgent: true },
      ],
      urgent: true,
    })
    const res = await me.get(`/api/inquiries/${thread.id}`)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      code: thread.code,
      senderRole: 'self',
      subjectAgeBand: 'under40',
      nickname: 'ひかり',
      acceptsCall: true,
      phone: '090-1234-5678',
      hasNoticeAddress: true,
      urgent: true,
      claimedBy: null,
      caseId: null,
      caseNo: null,
      status: 'open',
    })
    expect(body).not.toHaveProperty('noticeAddress')
    expect(JSON.stringify(body)).not.toContain('hikari@example.jp')
    expect(
      body.messages.map((m: { body: string; author: string; urgent: boolean }) => [
        m.author,
        m.body,
        m.urgent,
      ]),
    ).toEqual([
      ['resident', '最初の相談です', false],
      ['resident', '消えたいと思うことがあります', true],
    ])
    const audit = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'inquiry.read')))
    expect(audit.map((a) => [a.actorId, a.recordId])).toEqual([[me.user.id, thread.id]])
    expect(JSON.stringify(audit)).not.toContain('消えたい')
  })

  it('keeps the phone hidden when the resident does not accept a call', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const thread = await insertThread(ctx.db, city.tenantId, { acceptsCall: false, phone: '090-0000-0000' })
    expect((await me.get(`/api/inquiries/${thread.id}`)).json().phone).toBeNull()
  })

  it('lets only the window work the inbox; headquarters sees counts only; another city sees nothing', async () => {
    const city = await ctx.newCity()
    const thread = await insertThread(ctx.db, city.tenantId)
    for (const { code } of ROLES) {
      const s = await city.as(code, code.startsWith('ward') ? { ward: 'sakyo' } : {})
      const list = await s.get('/api/inquiries')
      const one = await s.get(`/api/inquiries/${thread.id}`)
      const claim = await s.post(`/api/inquiries/${thread.id}/claim`)
      const counts = await s.get('/api/inquiries/counts')
      const window = code === 'window_counsellor'
      expect([code, list.statusCode, one.statusCode]).toEqual([code, window ? 200 : 403, window ? 200 : 403])
      if (!window) expect([code, claim.statusCode]).toEqual([code, 403])
      expect([code, counts.statusCode]).toEqual([code, window || code === 'headquarters' ? 200 : 403])
    }
    const hq = await city.as('headquarters')
    expect((await hq.get('/api/inquiries/counts')).json()).toEqual({ new: 0, urgent: 0, overdue: 0, mine: 0 })

    const other = await (await ctx.newCity('隣市')).as('window_counsellor')
    expect((await other.get(`/api/inquiries/${thread.id}`)).statusCode).toBe(404)
    expect((await other.post(`/api/inquiries/${thread.id}/claim`)).statusCode).toBe(404)
    expect((await other.post(`/api/inquiries/${thread.id}/close`)).statusCode).toBe(404)
    expect((await other.get('/api/inquiries')).json().total).toBe(0)
    expect((await other.get('/api/inquiries/counts')).json()).toEqual({
      new: 0,
      urgent: 0,
      overdue: 0,
      mine: 0,
    })
    const refusals = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'inquiry.read_denied'), eq(auditLog.recordId, thread.id)))
    expect(refusals).toHaveLength(1)
  })

  it('claims and releases; spam is kept but leaves the inbox; closing and reopening', async () => {
    const city = await ctx.newCity()
    const me = await city.as('window_counsellor')
    const thread = await insertThread(ctx.db, city.tenantId)

    const claimed = await me.post(`/api/inquiries/${thread.id}/claim`)
    expect(claimed.statusCode, claimed.body).toBe(200)
    expect(claimed.json().claimedBy.id).toBe(me.user.id)
    expect((await me.post(`/api/inquiries/${thread.id}/claim`)).statusCode).toBe(200)
    const released = await me.post(`/api/inquiries/${thread.id}/release`)
    expect(released.json().claimedBy).toBeNull()
    expect((await me.post(`/api/inquiries/${thread.id}/release`)).statusCode).toBe(409)

    const spam = await me.post(`/api/inquiries/${thread.id}/spam`, { spam: true })
    expect(spam.statusCode, spam.body).toBe(200)
    expect(spam.json().spam).toBe(true)
    expect((await me.get('/api/inquiries')).json().counts).toMatchObject({ open: 0, new: 0, spam: 1 })
    expect((await me.get('/api/inquiries/counts')).json()).toMatchObject({ new: 0 })
    expect((await me.post(`/api/inquiries/${thread.id}/claim`)).statusCode).toBe(409)
    expect((await me.get(`/api/inquiries/${thread.id}`)).json().messages).toHaveLength(1)
    expect((await me.post(`/api/inquiries/${thread.id}/spam`, { spam: false })).json().spam).toBe(false)
    expect((await me.get('/api/inquiries')).json().counts).toMatchObject({ open: 1, spam: 0 })

    const closed = await me.post(`/api/inquiries/${thread.id}/close`)
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: '2026-11-24T01:00:00.000Z' })
    expect((await me.post(`/api/inquiries/${thread.id}/close`)).statusCode).toBe(409)
    expect((await me.post(`/api/inquiries/${thread.id}/claim`)).statusCode).toBe(409)
    expect((await me.get('/api/inquiries')).json().counts).toMatchObject({ open: 0, closed: 1, overdue: 0 })
    const reopened = await me.post(`/api/inquiries/${thread.id}/reopen`)
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null })
    expect((await me.post(`/api/inquiries/${thread.id}/reopen`)).statusCode).toBe(409)

    const actions = await ctx.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, thread.id)))
    expect(actions.map((a) => a.action)).toEqual([
      'inquiry.claim',
      'inquiry.claim',
      'inquiry.release',
      'inquiry.spam',
      'inquiry.read',
      'inquiry.not_spam',
      'inquiry.close',
      'inquiry.reopen',
    ])
  })
})
