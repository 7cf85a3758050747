// Issue 8: twenty probes of other wards' cases answered 404 and left no trace in the audit log.
// A refused request for a personal record is now written as `<type>.read_denied` or
// `<type>.change_denied`, with the id asked for and never the record's content.
import { randomUUID } from 'node:crypto'
import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { addContact, openCase } from '#server/modules/cases/test-support.ts'
import {
  invite,
  meetingCast,
  putOnAgenda,
  readyCase,
  schedule,
} from '#server/modules/meetings/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { verifyAuditChain } from './verify-chain.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const NAME = '秘密 花子'
const KANA = 'ひみつ はなこ'

async function refusalsOf(city: TestCity, s: Session) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, city.tenantId),
        eq(auditLog.actorId, s.user.id),
        like(auditLog.action, '%_denied'),
      ),
    )
    .orderBy(auditLog.id)
}

/** A case opened at Sakyo's ward centre (not visible to Kita's staff), with a contact. */
async function sakyoCase(city: TestCity) {
  const sakyo = await city.as('ward_coordinator', { ward: 'sakyo' })
  const c = await openCase(sakyo, { ward: 'sakyo', name: NAME, kana: KANA })
  const contact = await addContact(sakyo, c.id)
  return { sakyo, c, contact }
}

describe('refused reads and changes of personal records', () => {
  it('20 concurrent probes of another ward’s case leave 20 denial rows, in a valid chain', async () => {
    const city = await ctx.newCity()
    const { c } = await sakyoCase(city)
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const probes = await Promise.all(Array.from({ length: 20 }, () => kita.get(`/api/cases/${c.id}`)))
    expect(probes.map((r) => r.statusCode)).toEqual(Array(20).fill(404))
    const rows = await refusalsOf(city, kita)
    expect(rows).toHaveLength(20)
    for (const row of rows) {
      expect(row).toMatchObject({
        action: 'case.read_denied',
        recordType: 'case',
        recordId: c.id,
        actorLogin: kita.user.loginId,
        detail: { route: 'GET /api/cases/:id' },
      })
      const text = JSON.stringify(row)
      expect(text).not.toContain('秘密')
      expect(text).not.toContain('ひみつ')
    }
    const [report] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId, maxDelayMinutes: 1e9 })
    expect(report!.finding).toBeNull()
  })

  it('records every way of asking: history, contacts, changes, transitions, and ids that do not exist', async () => {
    const city = await ctx.newCity()
    const { c, contact } = await sakyoCase(city)
    const kita = await city.as('ward_staff', { ward: 'kita' })
    const nowhere = randomUUID()
    const asks = [
      kita.get(`/api/cases/${c.id}/history`),
      kita.get(`/api/cases/${c.id}/contacts`),
      kita.get(`/api/cases/${c.id}/support-plan`),
      kita.get(`/api/cases/${c.id}/referrals`),
      kita.patch(`/api/cases/${c.id}`, { version: c.version, urgency: 'urgent' }),
      kita.post(`/api/cases/${c.id}/close`, {
        version: c.version,
        closedOn: '2026-11-24',
        closureReason: 'wish',
      }),
      kita.patch(`/api/cases/${c.id}/contacts/${contact.id}`, { reason: '訂正', method: 'visit' }),
      kita.get(`/api/cases/${nowhere}`),
    ]
    const answers = await Promise.all(asks)
    expect(answers.map((r) => r.statusCode)).toEqual(Array(asks.length).fill(404))
    const rows = await refusalsOf(city, kita)
    expect(rows.map((r) => [r.action, r.recordId, (r.detail as { route: string }).route]).sort()).toEqual(
      [
        ['case.read_denied', c.id, 'GET /api/cases/:id/history'],
        ['case.read_denied', c.id, 'GET /api/cases/:id/contacts'],
        ['case.read_denied', c.id, 'GET /api/cases/:id/support-plan'],
        ['case.read_denied', c.id, 'GET /api/cases/:id/referrals'],
        ['case.change_denied', c.id, 'PATCH /api/cases/:id'],
        ['case.change_denied', c.id, 'POST /api/cases/:id/close'],
        ['case.change_denied', c.id, 'PATCH /api/cases/:id/contacts/:contactId'],
        ['case.read_denied', nowhere, 'GET /api/cases/:id'],
      ].sort(),
    )
    // The case itself was not changed and no other row was written for these requests.
    const others = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, kita.user.id)))
    expect(others.map((r) => r.action).filter((a) => !a.endsWith('_denied'))).toEqual(['auth.login'])
  })

  it('records a contact that is not the case’s, and another ward’s meeting and agenda case', async () => {
    const city = await ctx.newCity()
    const { sakyo, c } = await sakyoCase(city)
    const other = await openCase(sakyo, { ward: 'sakyo' })
    const foreign = await addContact(sakyo, other.id)
    const wrong = await sakyo.patch(`/api/cases/${c.id}/contacts/${foreign.id}`, {
      reason: '訂正',
      method: 'visit',
    })
    expect(wrong.statusCode).toBe(404)
    expect((await refusalsOf(city, sakyo)).map((r) => [r.action, r.recordId])).toEqual([
      ['contact.change_denied', foreign.id],
    ])

    const cast = await meetingCast(ctx, city)
    const ready = await readyCase(ctx, cast.window, 'sakyo')
    const m = await schedule(cast.coordinator)
    await putOnAgenda(cast.coordinator, m.id, ready.id)
    await invite(cast.coordinator, m.id, [{ unitId: cast.agencyUnit }])
    expect((await cast.otherCoordinator.get(`/api/meetings/${m.id}`)).statusCode).toBe(404)
    expect((await cast.otherAgency.get(`/api/meetings/${m.id}/agenda/${ready.id}`)).statusCode).toBe(404)
    expect((await cast.agency.get(`/api/meetings/${m.id}/agenda/${c.id}`)).statusCode).toBe(404)
    expect((await refusalsOf(city, cast.otherCoordinator)).map((r) => [r.action, r.recordId])).toEqual([
      ['meeting.read_denied', m.id],
    ])
    expect((await refusalsOf(city, cast.otherAgency)).map((r) => [r.action, r.recordId])).toEqual([
      ['meeting.read_denied', m.id],
    ])
    expect((await refusalsOf(city, cast.agency)).map((r) => [r.action, r.recordId])).toEqual([
      ['case.read_denied', c.id],
    ])
  })

  it('writes no denial for reads in scope', async () => {
    const city = await ctx.newCity()
    const { sakyo, c } = await sakyoCase(city)
    expect((await sakyo.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    expect((await sakyo.get(`/api/cases/${c.id}/contacts`)).statusCode).toBe(200)
    expect(await refusalsOf(city, sakyo)).toEqual([])
  })
})
