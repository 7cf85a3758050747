import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema/index.ts'
import { createTestContext, sessionCookie, TEST_PASSWORD, type TestContext } from '../../test/harness.ts'
import { issueFirstAdminLink } from '../tenancy/reference-city.ts'

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

  it('locks the account for 15 minutes after 10 failures', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    for (let i = 0; i < 10; i++) await tryLogin(city.tenantId, u.loginId, 'wrong')
    const locked = await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)
    expect(locked.statusCode).toBe(423)
    ctx.clock.advance(14 * 60_000)
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(423)
    ctx.clock.advance(2 * 60_000)
    expect((await tryLogin(city.tenantId, u.loginId, TEST_PASSWORD)).statusCode).toBe(200)
    expect(await auditActions(city.tenantId)).toContain('auth.locked')
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

  it('logs out: the session stops working and the logout is audited', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204)
    expect((await s.get('/api/wards')).statusCode).toBe(401)
    expect(await auditActions(city.tenantId)).toContain('auth.logout')
  })
})

describe('one-time password links', () => {
  it('creates the first administrator once; the link then stops working', async () => {
    const city = await ctx.newCity()
    const token = await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now())
    expect(token).toBeTruthy()
    const { cookie, csrf } = await anonymous()
    const headers = { cookie, 'x-csrf-token': csrf }
    const info = await ctx.app.inject({ method: 'GET', url: `/api/auth/password-links/${token}` })
    expect(info.json().purpose).toBe('first_admin')
    const short = await ctx.app.inject({
      method: 'POST',
      url: `/api/auth/password-links/${token}`,
      headers,
      payload: { loginId: 'chief', name: '管理 太郎', password: 'short' },
    })
    expect(short.statusCode).toBe(400)
    expect(short.json().errors[0]).toMatchObject({ field: 'password' })
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/api/auth/password-links/${token}`,
      headers,
      payload: { loginId: 'chief', name: '管理 太郎', password: 'a long enough passphrase' },
    })
    expect(ok.statusCode).toBe(204)
    expect((await tryLogin(city.tenantId, 'chief', 'a long enough passphrase')).statusCode).toBe(200)
    const again = await ctx.app.inject({ method: 'GET', url: `/api/auth/password-links/${token}` })
    expect(again.statusCode).toBe(404)
    expect(await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now())).toBeNull()
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'account.first_admin')))
    expect(rows).toHaveLength(1)
  })
})

describe('login rate limit', () => {
  it('answers 429 past the per-address limit', async () => {
    const limited = await createTestContext({ loginRateLimit: 3 })
    try {
      const city = await limited.newCity()
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        const anon = await limited.app.inject({ method: 'GET', url: '/api/auth/session' })
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: {
            cookie: sessionCookie(anon.headers['set-cookie']),
            'x-csrf-token': anon.json().csrfToken,
          },
          payload: { city: city.tenantId, loginId: 'nobody', password: 'x' },
        })
        statuses.push(res.statusCode)
      }
      expect(statuses).toEqual([401, 401, 401, 429])
    } finally {
      await limited.close()
    }
  })
})
