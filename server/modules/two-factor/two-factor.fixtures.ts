// Test helpers for the two-factor flows: a password login that stops at the second step, the
// enrolment through the API, and codes computed from the secret as an authenticator app would.
import type { InjectOptions } from 'fastify'
import { Secret, TOTP } from 'otpauth'
import {
  sessionCookie,
  TEST_PASSWORD,
  type TestCity,
  type TestContext,
  type TestUser,
  withCookies,
} from '#server/test/harness.ts'

/** The code an authenticator app shows for `secret`, `stepsAgo` time steps before the clock. */
export function codeAt(ctx: TestContext, secret: string, stepsAgo = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: ctx.clock.now().getTime() - stepsAgo * 30_000,
  })
}

/** A client holding one session: sends its cookie and CSRF token, and keeps the newest of each. */
export function client(ctx: TestContext, cookie: string, csrf: string) {
  const state = { cookie, csrf }
  async function request(o: InjectOptions) {
    const res = await ctx.app.inject({
      ...o,
      headers: { cookie: state.cookie, 'x-csrf-token': state.csrf, ...(o.headers ?? {}) },
    })
    state.cookie = withCookies(state.cookie, res.headers['set-cookie'])
    const body = res.headers['content-type']?.includes('json') ? res.json() : undefined
    if (typeof body?.csrfToken === 'string') state.csrf = body.csrfToken
    return res
  }
  return {
    state,
    request,
    get: (url: string) => request({ method: 'GET', url }),
    post: (url: string, payload?: unknown) => request({ method: 'POST', url, payload: payload as never }),
    put: (url: string, payload?: unknown) => request({ method: 'PUT', url, payload: payload as never }),
  }
}
export type Client = ReturnType<typeof client>

/** Logs in with the password; the answer says whether a second step remains. */
export async function passwordLogin(
  ctx: TestContext,
  city: TestCity,
  user: TestUser,
  password = TEST_PASSWORD,
) {
  const first = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
  const c = client(ctx, sessionCookie(first.headers['set-cookie']), first.json().csrfToken)
  const res = await c.post('/api/auth/login', { city: city.tenantId, loginId: user.loginId, password })
  return { c, res }
}

/** Enrols an authenticator for the session's account; answers the secret and recovery codes. */
export async function enrol(ctx: TestContext, c: Client) {
  const started = await c.post('/api/auth/two-factor/enrolment')
  if (started.statusCode !== 200) throw new Error(`enrolment: ${started.statusCode} ${started.body}`)
  const secret = started.json().secret as string
  const confirmed = await c.post('/api/auth/two-factor/enrolment/confirm', { code: codeAt(ctx, secret) })
  if (confirmed.statusCode !== 200) throw new Error(`confirm: ${confirmed.statusCode} ${confirmed.body}`)
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] }
}

/** A user of `role` with an enrolled authenticator, signed in; the clock moves past the code's step. */
export async function enrolledUser(ctx: TestContext, city: TestCity, role: TestUser['role']) {
  const user = await city.user(role)
  const { c } = await passwordLogin(ctx, city, user)
  const enrolled = await enrol(ctx, c)
  ctx.clock.advance(30_000)
  return { user, c, ...enrolled }
}
