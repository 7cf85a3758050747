import { and, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { embeddedClient } from '#server/db/client.ts'
import { accounts, sessions } from '#server/db/schema/index.ts'
import { accountRecords } from '#server/modules/accounts/index.ts'
import { RequestOnly, takeLoadedWith } from '#server/platform/session-state.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { afterSessionReuse } from '#server/test/session-reuse.ts'
import { createAuthService } from './auth.service.ts'

// A signed-in request reads its session and the account it acts for in one statement (the
// session store's lookup, auth's findSession); the account is still read afresh on every request.
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function sidOf(s: Session): Promise<string> {
  const [row] = await ctx.db
    .select({ sid: sessions.sid })
    .from(sessions)
    .where(eq(sessions.accountId, s.user.id))
  return row!.sid
}

const mine = (s: Session) => and(eq(accounts.tenantId, s.user.tenantId), eq(accounts.id, s.user.id))

describe("a session's account, loaded with the session", () => {
  it('comes with the session as it is now: a new role, then a deactivation', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const auth = createAuthService(ctx.db, ctx.clock)
    const sid = await sidOf(s)
    const actorNow = async () => {
      const found = await auth.findSession(ctx.db, sid)
      expect(found?.loadedWith).toBeDefined()
      return auth.loadActor(s.user.tenantId, s.user.id, '127.0.0.1', found!.loadedWith)
    }
    expect(await actorNow()).toMatchObject({
      role: 'window_counsellor',
      unitKind: 'window',
      cityName: 'テスト市',
    })
    await ctx.db.update(accounts).set({ role: 'ward_staff', name: '新しい名前' }).where(mine(s))
    expect(await actorNow()).toMatchObject({ role: 'ward_staff', name: '新しい名前' })
    await ctx.db.update(accounts).set({ active: false }).where(mine(s))
    expect(await actorNow()).toBeUndefined()
  })

  it("is used for the session's own account only; another one is read on its own", async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const other = await city.as('admin')
    const auth = createAuthService(ctx.db, ctx.clock)
    const found = await auth.findSession(ctx.db, await sidOf(other))
    const actor = await auth.loadActor(s.user.tenantId, s.user.id, '127.0.0.1', found!.loadedWith)
    expect(actor).toMatchObject({ accountId: s.user.id, role: 'window_counsellor' })
  })

  it('is taken from the store only, once: a value stored in the session under the same name is ignored', () => {
    const loaded = { tenantId: 'x', accountId: 'y' }
    const request = { session: { loadedWith: new RequestOnly(loaded) } } as unknown as FastifyRequest
    expect(takeLoadedWith(request)).toBe(loaded)
    expect(takeLoadedWith(request)).toBeUndefined()
    const planted = { session: { loadedWith: { value: loaded } } } as unknown as FastifyRequest
    expect(takeLoadedWith(planted)).toBeUndefined()
    // Never stored: the session's JSON (its row, and the hash that decides whether to write it) leaves it out.
    expect(JSON.stringify({ lastSeen: 1, loadedWith: new RequestOnly(loaded) })).toBe('{"lastSeen":1}')
  })

  it('answers signed-in requests without a second lookup of the account on the embedded store, and still refuses a deactivated one', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const acting = vi.spyOn(accountRecords, 'acting')
    try {
      expect((await s.get('/api/cases')).statusCode).toBe(200)
      // Changed in the database directly, as another server would: seen once the cached session
      // is a second old (session-cache.ts).
      await ctx.db.update(accounts).set({ role: 'agency_member' }).where(mine(s))
      afterSessionReuse()
      // A role without case access is refused the list.
      expect((await s.get('/api/cases')).statusCode).toBe(403)
      await ctx.db.update(accounts).set({ active: false }).where(mine(s))
      afterSessionReuse()
      expect((await s.get('/api/wards')).statusCode).toBe(401)
      // On PostgreSQL a pooled connection still set to another city may hide the account from the
      // session's statement (row-level security): then it is read on its own, which is allowed.
      if (embeddedClient(ctx.db)) expect(acting).not.toHaveBeenCalled()
    } finally {
      acting.mockRestore()
    }
  })
})
