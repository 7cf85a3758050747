import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessions } from '#server/db/schema/index.ts'
import {
  createTestContext,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
  withCookies,
} from '#server/test/harness.ts'
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function storedSessions(): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(sessions)
  return row!.n
}

function setCookies(header: string | string[] | undefined): string[] {
  return Array.isArray(header) ? header : header ? [header] : []
}

async function anonymous() {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
  return { cookie: sessionCookie(res.headers['set-cookie']), csrf: res.json().csrfToken as string }
}

function login(cookie: string, csrf: string, city: string, loginId: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: { city, loginId, password: TEST_PASSWORD },
  })
}

describe('sessions of anonymous visitors', () => {
  it('stores nothing for 300 cookieless GET /api/auth/session sent together, and sets no session cookie', async () => {
    const before = await storedSessions()
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => ctx.app.inject({ method: 'GET', url: '/api/auth/session' })),
    )
    expect(answers.every((a) => a.statusCode === 200)).toBe(true)
    expect(answers.every((a) => typeof a.json().csrfToken === 'string')).toBe(true)
    for (const a of answers) {
      const cookies = setCookies(a.headers['set-cookie'])
      expect(cookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false)
      expect(cookies.some((c) => c.startsWith(`${CSRF_COOKIE}=`))).toBe(true)
    }
    expect(await storedSessions()).toBe(before)
    expect(before).toBe(0)
  })

  it('stores nothing for failed logins either, and one row for a successful one', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const before = await storedSessions()
    const { cookie, csrf } = await anonymous()
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { city: city.tenantId, loginId: u.loginId, password: 'not the password at all' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(await storedSessions()).toBe(before)
    const ok = await login(cookie, csrf, city.tenantId, u.loginId)
    expect(ok.statusCode).toBe(200)
    expect(await storedSessions()).toBe(before + 1)
  })

  it('keeps the CSRF secret in a signed, HttpOnly, SameSite=Strict cookie', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    const line = setCookies(res.headers['set-cookie']).find((c) => c.startsWith(`${CSRF_COOKIE}=`))!
    expect(line).toMatch(/; HttpOnly/i)
    expect(line).toMatch(/; SameSite=Strict/i)
    expect(line).toMatch(/; Path=\//i)
    // Signed: the value carries a signature after a dot.
    expect(decodeURIComponent(line.split(';')[0]!.slice(CSRF_COOKIE.length + 1))).toMatch(
      /^[\w-]+\.[\w+/=-]+$/,
    )
  })
})

describe('CSRF with the secret in a cookie', () => {
  it('lets a visitor log in with the token and the cookie from GET /api/auth/session', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const { cookie, csrf } = await anonymous()
    const res = await login(cookie, csrf, city.tenantId, u.loginId)
    expect(res.statusCode).toBe(200)
    const signedIn = withCookies(cookie, res.headers['set-cookie'])
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: signedIn },
    })
    expect(me.json().account.loginId).toBe(u.loginId)
  })

  it('refuses a login without the secret cookie, without a token, or with a forged cookie', async () => {
    const city = await ctx.newCity()
    const u = await city.user('window_counsellor')
    const { cookie, csrf } = await anonymous()
    expect((await login('', csrf, city.tenantId, u.loginId)).statusCode).toBe(403)
    expect((await login(cookie, '', city.tenantId, u.loginId)).statusCode).toBe(403)
    const other = await anonymous()
    expect((await login(other.cookie, csrf, city.tenantId, u.loginId)).statusCode).toBe(403)
    expect((await login(`${CSRF_COOKIE}=my-own-secret`, csrf, city.tenantId, u.loginId)).statusCode).toBe(403)
    expect(await login(cookie, csrf, city.tenantId, u.loginId).then((r) => r.statusCode)).toBe(200)
  })

  it('binds a signed-in token to its session: the anonymous token, or another session’s, is refused', async () => {
    const city = await ctx.newCity()
    const u = await city.user('admin')
    const { cookie, csrf: anonymousToken } = await anonymous()
    const res = await login(cookie, anonymousToken, city.tenantId, u.loginId)
    const signedIn = withCookies(cookie, res.headers['set-cookie'])
    const token = res.json().csrfToken as string
    const post = (c: string, t: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/agencies',
        headers: { cookie: c, 'x-csrf-token': t },
        payload: { name: '' },
      })
    // 400: past the CSRF check, refused by validation (nothing is created).
    expect((await post(signedIn, token)).statusCode).toBe(400)
    expect((await post(signedIn, anonymousToken)).statusCode).toBe(403)
    // A second session of the same browser secret: its token does not work for the first.
    const second = await login(cookie, anonymousToken, city.tenantId, u.loginId)
    expect((await post(signedIn, second.json().csrfToken)).statusCode).toBe(403)
  })
})

describe('CSRF between the password and the second step', () => {
  it('binds the tokens of a session pending its second step to that session', async () => {
    const city = await ctx.newCity('二段階の市', { twoFactorRoles: ['admin'] })
    const u = await city.user('admin')
    const { cookie, csrf: anonymousToken } = await anonymous()
    const res = await login(cookie, anonymousToken, city.tenantId, u.loginId)
    expect(res.json()).toMatchObject({ account: null, secondFactor: 'enrol' })
    const pending = withCookies(cookie, res.headers['set-cookie'])
    const enrol = (t: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/two-factor/enrolment',
        headers: { cookie: pending, 'x-csrf-token': t },
      })
    expect((await enrol(anonymousToken)).statusCode).toBe(403)
    expect((await enrol(res.json().csrfToken)).statusCode).toBe(200)
  })
})

describe('logout', () => {
  it('clears the session cookie with an expired Set-Cookie and removes the stored session', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const before = await storedSessions()
    const res = await s.post('/api/auth/logout')
    expect(res.statusCode).toBe(204)
    const cleared = setCookies(res.headers['set-cookie']).find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    expect(cleared).toBeDefined()
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`))
    expect(cleared).toMatch(/Max-Age=0/i)
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/i)
    expect(cleared).toMatch(/Path=\//)
    expect(await storedSessions()).toBe(before - 1)
    expect((await s.get('/api/cases')).statusCode).toBe(401)
  })

  it('clears the cookie and the stored session of a session ended for being idle', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const before = await storedSessions()
    ctx.clock.advance(31 * 60_000)
    const res = await s.get('/api/cases')
    expect(res.statusCode).toBe(401)
    expect(res.json().type).toBe('urn:yorisoi:problem:session_expired')
    const cleared = setCookies(res.headers['set-cookie']).find((c) => c.startsWith(`${SESSION_COOKIE}=`))
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`, 'i'))
    expect(await storedSessions()).toBe(before - 1)
  })
})
