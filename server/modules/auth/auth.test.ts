import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { postgresPool } from '#server/db/client.ts'
import { accounts, auditLog } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { createTestContext, sessionCookie, TEST_PASSWORD, type TestContext } from '#server/test/harness.ts'
import { afterSessionReuse } from '#server/test/session-reuse.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function anonymous() {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
  return { cookie: sessionCookie(res.headers['set-cookie']), csrf: res.json().csrfToken as string }
}

async function tryLogin(city: string, loginId: string, password: string) {
  const { cookie, csrf } = await anonymous()
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: { city, loginId, password },
  })
}

async function auditActions(tenantId: string) {
  const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, tenantId))
  return rows.map((r) => r.action)
}

describe('login', () => {
  it('logs in, sets an HttpOnly SameSite=Lax cookie, and audits it', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const res = await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)
    expect(res.statusCode).toBe(200)
    expect(res.json().account.role).toBe('window_counsellor')
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join(';')
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(await auditActions(city.tenantId)).toContain('auth.login')
  })

  it('rejects a wrong password with one message for unknown IDs and wrong passwords, audited', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const wrong = await tryLogin(city.tenantId, u.loginId, 'not the password')
    const unknown = await tryLogin(city.tenantId, 'nobody', 'not the password')
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(wrong.json().detail).toBe(unknown.json().detail)
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/)
    const actions = await auditActions(city.tenantId)
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(2)
  })

  it('locks the account for 15 minutes after 10 failures, answering as for a wrong password', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    for (let i = 0; i < 10; i++) await tryLogin(city.tenantId, u.loginId, 'wrong')
    const locked = await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)
    expect(locked.statusCode).toBe(401)
    ctx.clock.advance(14 * 60_000)
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(401)
    ctx.clock.advance(2 * 60_000)
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(200)
    expect(await auditActions(city.tenantId)).toContain('auth.locked')
  })

  it('counts 25 parallel wrong passwords atomically: the account locks and the right password is refused', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const sessions = await Promise.all(Array.from({ length: 25 }, () => anonymous()))
    const results = await Promise.all(
      sessions.map(({ cookie, csrf }, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: { city: city.tenantId, loginId: u.loginId, password: `wrong guess ${i}` },
        }),
      ),
    )
    expect(results.every((r) => r.statusCode === 401)).toBe(true)
    const [row] = await ctx.db.select().from(accounts).where(eq(accounts.id, u.id))
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(ctx.clock.now().getTime())
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(401)
    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    expect(rows.filter((r) => r.action === 'auth.locked')).toHaveLength(1)
    ctx.clock.advance(16 * 60_000)
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(200)
  })

  it('answers unknown, wrong, inactive and locked logins alike, and audits the real reason', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const locked = await city.user('window_counsellor')
    const wrong = await city.user('window_counsellor')
    const inactive = await city.user('window_counsellor')
    await admin.patch(`/api/accounts/${inactive.id}`, { active: false })
    for (let i = 0; i < 10; i++) await tryLogin(city.tenantId, locked.loginId, 'wrong')
    const answers = [
      await tryLogin(city.tenantId, 'nobody-here', TEST_PASSWORD),
      await tryLogin(city.tenantId, wrong.loginId, 'not the password'),
      await tryLogin(city.tenantId, inactive.loginId, TEST_PASSWORD),
      await tryLogin(city.tenantId, locked.loginId, TEST_PASSWORD),
      await tryLogin(city.tenantId, locked.loginId, 'wrong'),
    ]
    const shape = (r: (typeof answers)[number]) => ({
      status: r.statusCode,
      type: r.headers['content-type'],
      body: { ...r.json(), instance: undefined },
    })
    for (const answer of answers) expect(shape(answer)).toEqual(shape(answers[0]!))
    expect(answers[0]!.statusCode).toBe(401)
    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    const reasons = rows
      .filter((r) => r.action === 'auth.login_failed')
      .map((r) => (r.detail as { reason: string }).reason)
    expect(reasons).toEqual(expect.arrayContaining(['unknown_login', 'wrong_password', 'inactive', 'locked']))
  })

  it('refuses a login without a CSRF token', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const { cookie } = await anonymous()
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie },
      payload: { city: city.tenantId, loginId: u.loginId, password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(403)
  })

  it('validates the body with Japanese field messages', async () => {
    const { cookie, csrf } = await anonymous()
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { loginId: '', password: '' },
    })
    expect(res.statusCode).toBe(400)
    const fields = res.json().errors.map((e: { field: string }) => e.field)
    expect(fields).toEqual(expect.arrayContaining(['loginId', 'password']))
    expect(res.json().errors[0].message).toMatch(/入力してください/)
  })
})

/** Someone waiting for a city's audit chain lock, in this test's database (other files run beside it). */
const WAITING_FOR_CHAIN = `select 1 from pg_locks
  where not granted and locktype = 'advisory' and objid = hashtext($1)::oid
    and database = (select oid from pg_database where datname = current_database())`

describe('sessions', () => {
  it('needs a session for signed-in endpoints and a CSRF token for changes', async () => {
    const city = await ctx.newCity()
    const s = await city.as('admin')
    expect((await ctx.app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401)
    expect((await s.get('/api/accounts')).statusCode).toBe(200)
    const noCsrf = await s.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-csrf-token': 'forged' },
    })
    expect(noCsrf.statusCode).toBe(403)
  })

  it('ends a session after 30 idle minutes, and keeps it while in use', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    ctx.clock.advance(29 * 60_000)
    expect((await s.get('/api/wards')).statusCode).toBe(200)
    ctx.clock.advance(29 * 60_000)
    expect((await s.get('/api/wards')).statusCode).toBe(200)
    ctx.clock.advance(31 * 60_000)
    const expired = await s.get('/api/wards')
    expect(expired.statusCode).toBe(401)
    expect(expired.json().type).toMatch(/session_expired/)
  })

  it('loads the account afresh on each request: a new role or a deactivation counts on the very next one', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const me = async () => (await s.get('/api/auth/session')).json().account
    expect(await me()).toMatchObject({ role: 'window_counsellor', cityName: 'テスト市' })
    // Changed in the database directly, as another server on the same PostgreSQL would: nothing
    // but authenticate's own lookup can notice, once this server's cached session is a second old.
    const mine = and(eq(accounts.tenantId, city.tenantId), eq(accounts.id, s.user.id))
    await ctx.db.update(accounts).set({ role: 'ward_staff', name: '新しい名前' }).where(mine)
    afterSessionReuse()
    expect(await me()).toMatchObject({ role: 'ward_staff', name: '新しい名前' })
    expect((await s.get('/api/wards')).statusCode).toBe(200)
    await ctx.db.update(accounts).set({ active: false }).where(mine)
    afterSessionReuse()
    expect((await s.get('/api/wards')).statusCode).toBe(401)
    expect((await s.get('/api/cases')).statusCode).toBe(401)
  })

  it("sees a change made through this server on the very next request, even with that session's reads under way", async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const s = await city.as('window_counsellor')
    const me = async () => (await s.get('/api/auth/session')).json().account
    // Read once: the session and its account are cached now (session-cache.ts).
    expect((await me()).name).not.toBe('新しい名前')
    const before = Array.from({ length: 10 }, () => me())
    const change = admin.patch(`/api/accounts/${s.user.id}`, { name: '新しい名前' })
    const during = Array.from({ length: 10 }, () => me())
    expect((await change).statusCode).toBe(200)
    await Promise.all([...before, ...during])
    expect(await me()).toMatchObject({ name: '新しい名前' })
  })

  it('does not keep a session read while a change was written but not yet committed (PostgreSQL)', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const s = await city.as('window_counsellor')
    const me = async () => (await s.get('/api/auth/session')).json().account
    const pool = postgresPool(ctx.db)
    // Every pooled connection set to the city, so that the session's statement finds its account
    // (row-level security) and the cache keeps both: the account is what the change changes.
    if (pool) {
      const busy = () => ctx.db.execute(sql`select pg_sleep(0.02)`)
      await withTenant(city.tenantId, () => Promise.all(Array.from({ length: 10 }, busy)))
    }
    // Holding the city's audit chain lock stops the change at its commit, after its UPDATE
    // (the chain links audit rows at commit). On PGlite a read waits for the transaction anyway.
    const holder = await pool?.connect()
    try {
      await holder?.query('begin')
      await holder?.query(`select pg_advisory_xact_lock(hashtext('yorisoi.audit_chain'), hashtext($1))`, [
        city.tenantId,
      ])
      const change = admin.patch(`/api/accounts/${s.user.id}`, { name: '新しい名前' })
      if (holder) {
        await expect
          .poll(async () => (await holder.query(WAITING_FOR_CHAIN, [city.tenantId])).rowCount, {
            timeout: 10_000,
          })
          .toBe(1)
        // A read now sees the committed row, the old name, and the cache keeps it.
        expect((await s.get('/api/wards')).statusCode).toBe(200)
        await holder.query('commit')
      }
      expect((await change).statusCode).toBe(200)
    } finally {
      holder?.release()
    }
    expect(await me()).toMatchObject({ name: '新しい名前' })
  })

  it('logs out: the session stops working and the logout is audited', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await s.get('/api/wards')).statusCode).toBe(401)
    expect(await auditActions(city.tenantId)).toContain('auth.logout')
  })
})

/** A login attempt from a given socket address, optionally naming a forwarded client. */
async function loginFrom(
  app: TestContext['app'],
  body: { city: string; loginId: string; password: string },
  from: { remoteAddress?: string; forwardedFor?: string } = {},
) {
  const remote = from.remoteAddress ? { remoteAddress: from.remoteAddress } : {}
  const forwarded = from.forwardedFor ? { 'x-forwarded-for': from.forwardedFor } : {}
  const anon = await app.inject({ method: 'GET', url: '/api/auth/session', headers: forwarded, ...remote })
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: {
      cookie: sessionCookie(anon.headers['set-cookie']),
      'x-csrf-token': anon.json().csrfToken,
      ...forwarded,
    },
    payload: body,
    ...remote,
  })
}

async function withContext(
  options: Parameters<typeof createTestContext>[0],
  run: (limited: TestContext) => Promise<void>,
) {
  const limited = await createTestContext(options)
  try {
    await run(limited)
  } finally {
    await limited.close()
  }
}

describe('login rate limits', () => {
  it('answers 429 past the limit for one login ID from one address, with Retry-After; other IDs go on', async () => {
    await withContext({ loginRateLimit: 3 }, async (limited) => {
      const city = await limited.newCity()
      const statuses: number[] = []
      let last: Awaited<ReturnType<typeof loginFrom>> | undefined
      for (let i = 0; i < 4; i++) {
        last = await loginFrom(limited.app, { city: city.tenantId, loginId: 'nobody', password: 'x' })
        statuses.push(last.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 429])
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0)
      expect(last!.json().detail).toMatch(/試行が多すぎます/)
      const other = await loginFrom(limited.app, { city: city.tenantId, loginId: 'somebody', password: 'x' })
      expect(other.statusCode).toBe(401)
    })
  })

  it('a correct login from 127.0.0.1 succeeds after 30 failures of other login IDs from the same address', async () => {
    // The shipped defaults: 10 per login ID and address, 100 failures per address.
    await withContext({ loginRateLimit: 10, loginAddressRateLimit: 100 }, async (limited) => {
      const city = await limited.newCity()
      const colleague = await city.user('window_counsellor')
      const others = [colleague.loginId, 'typo-one', 'typo-two', 'nobody', 'temp-staff', 'retired']
      for (let i = 0; i < 30; i++) {
        const loginId = others[i % others.length]!
        const res = await loginFrom(limited.app, { city: city.tenantId, loginId, password: `wrong ${i}` })
        expect(res.statusCode).toBe(401)
      }
      const me = await city.user('window_counsellor')
      const ok = await loginFrom(limited.app, {
        city: city.tenantId,
        loginId: me.loginId,
        password: TEST_PASSWORD,
      })
      expect(ok.statusCode).toBe(200)
    })
  })

  it('slows down an address past its failures, whichever login IDs it tries', async () => {
    await withContext({ loginRateLimit: 10, loginAddressRateLimit: 5 }, async (limited) => {
      const city = await limited.newCity()
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        const res = await loginFrom(limited.app, {
          city: city.tenantId,
          loginId: `spray${i}`,
          password: 'Summer2026!',
        })
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    })
  })

  it('limits one login ID across addresses: a listed proxy forwarding rotating clients does not escape it', async () => {
    await withContext({ loginRateLimit: 2, trustProxy: ['127.0.0.1'] }, async (limited) => {
      const city = await limited.newCity()
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) {
        const res = await loginFrom(
          limited.app,
          { city: city.tenantId, loginId: 'target', password: 'x' },
          { forwardedFor: `198.51.100.${i + 1}` },
        )
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
    })
  })
})

describe('trusted proxies (YORISOI_TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For from a client that is not a listed proxy: no escape from the limit, no forged audit address', async () => {
    await withContext({ loginRateLimit: 3, trustProxy: ['10.0.0.1'] }, async (limited) => {
      const city = await limited.newCity()
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const res = await loginFrom(
          limited.app,
          { city: city.tenantId, loginId: 'nobody', password: 'x' },
          { remoteAddress: '192.0.2.44', forwardedFor: `203.0.113.${i + 1}` },
        )
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      const rows = await limited.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
      expect(rows.length).toBe(3)
      expect(new Set(rows.map((r) => r.clientAddress))).toEqual(new Set(['192.0.2.44']))
    })
  })

  it("believes a listed proxy's X-Forwarded-For: the audit records the client behind it", async () => {
    await withContext({ trustProxy: ['10.0.0.1'] }, async (limited) => {
      const city = await limited.newCity()
      const u = await city.user('window_counsellor')
      const res = await loginFrom(
        limited.app,
        { city: city.tenantId, loginId: u.loginId, password: TEST_PASSWORD },
        { remoteAddress: '10.0.0.1', forwardedFor: '203.0.113.9' },
      )
      expect(res.statusCode).toBe(200)
      const rows = await limited.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'auth.login')))
      expect(rows.map((r) => r.clientAddress)).toEqual(['203.0.113.9'])
    })
  })
})
