import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, loggerOptions } from '#server/app.ts'
import { accounts, auditLog } from '#server/db/schema/index.ts'
import { issueFirstAdminLink } from '#server/modules/org/index.ts'
import {
  createTestContext,
  sessionCookie,
  TEST_PASSWORD,
  type TestContext,
  testAppConfig,
} from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const GOOD = 'a long enough passphrase'

async function anonymousHeaders(app = ctx.app) {
  const res = await app.inject({ method: 'GET', url: '/api/auth/session' })
  return { cookie: sessionCookie(res.headers['set-cookie']), 'x-csrf-token': res.json().csrfToken as string }
}

async function describeLink(token: string, app = ctx.app) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/password-links/describe',
    headers: await anonymousHeaders(app),
    payload: { token },
  })
}

async function submitLink(token: string, body: Record<string, unknown>, app = ctx.app) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/password-links/use',
    headers: await anonymousHeaders(app),
    payload: { token, ...body },
  })
}

async function tryLogin(city: string, loginId: string, password: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: await anonymousHeaders(),
    payload: { city, loginId, password },
  })
}

/** An account with a fresh reset link, as an administrator issues it; returns the link's token. */
async function resetLinkFor(city: Awaited<ReturnType<TestContext['newCity']>>, name = '佐藤 花子') {
  const admin = await city.as('admin')
  const u = await city.user('window_counsellor', { name })
  const res = await admin.post(`/api/accounts/${u.id}/password-reset`)
  const path = res.json().passwordLink.path as string
  expect(path).toMatch(/^\/setup#token=/)
  return { user: u, token: new URLSearchParams(path.split('#')[1]).get('token')! }
}

const adminsOf = (tenantId: string) =>
  ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.role, 'admin')))

describe('one-time password links', () => {
  it('creates the first administrator once; the link then stops working', async () => {
    const city = await ctx.newCity()
    const token = (await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now()))!
    expect((await describeLink(token)).json()).toEqual({
      purpose: 'first_admin',
      loginId: null,
      name: null,
      choosesOrganisation: false,
    })
    const short = await submitLink(token, { loginId: 'chief', name: '管理 太郎', password: 'short' })
    expect(short.statusCode).toBe(400)
    expect(short.json().errors[0]).toMatchObject({ field: 'password' })
    const ok = await submitLink(token, { loginId: 'chief', name: '管理 太郎', password: GOOD })
    expect(ok.statusCode).toBe(204)
    expect((await tryLogin(city.tenantId, 'chief', GOOD)).statusCode).toBe(200)
    expect((await describeLink(token)).statusCode).toBe(404)
    expect(await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now())).toBeNull()
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'account.first_admin')))
    expect(rows).toHaveLength(1)
  })

  it('answers a malformed token (NUL, lone surrogate, zero-width, full-width, no city) with 400, never 500', async () => {
    const city = await ctx.newCity()
    const { token } = await resetLinkFor(city)
    const [tenant, secret] = token.split('.') as [string, string]
    const malformed = [
      `${tenant}\u0000x.${secret}`,
      `${tenant}.${secret}\uD800`,
      `${tenant}.${secret.slice(0, 10)}\u200b${secret.slice(10)}`,
      `${tenant}.${secret.replace(/[A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`,
      secret,
    ]
    for (const bad of malformed) {
      for (const res of [await describeLink(bad), await submitLink(bad, { password: GOOD })]) {
        expect(res.statusCode, JSON.stringify(bad)).toBe(400)
        expect(res.json().errors[0]).toMatchObject({ field: 'token', message: 'リンクが正しくありません' })
      }
    }
    expect((await describeLink(token)).statusCode).toBe(200)
  })

  it('refuses an expired link', async () => {
    const city = await ctx.newCity()
    const { token } = await resetLinkFor(city)
    ctx.clock.advance(25 * 3_600_000)
    expect((await describeLink(token)).statusCode).toBe(404)
    expect((await submitLink(token, { password: GOOD })).statusCode).toBe(404)
  })

  it('puts the token in the URL fragment and keeps it out of the log, the audit log and the old URL', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const logged = await buildApp({
      db: ctx.db,
      clock: ctx.clock,
      config: testAppConfig(),
      logger: { ...loggerOptions, level: 'info', stream },
    })
    const city = await ctx.newCity()
    const first = (await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now()))!
    const secret = first.split('.')[1]!
    expect((await describeLink(first, logged)).statusCode).toBe(200)
    expect(
      (await submitLink(first, { loginId: 'chief', name: '管理 太郎', password: GOOD }, logged)).statusCode,
    ).toBe(204)
    // A hand-typed or stale URL with the token in its path answers 404 and is logged redacted.
    const old = await logged.inject({ method: 'GET', url: `/api/auth/password-links/${first}` })
    expect(old.statusCode).toBe(404)
    await logged.inject({ method: 'GET', url: `/setup/${encodeURIComponent(first)}?token=${first}` })
    await logged.close()
    const log = lines.join('')
    expect(log).toContain('/api/auth/password-links/use')
    expect(log).toContain(':redacted')
    expect(log).not.toContain(secret)
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.tenantId, city.tenantId))
    expect(audit.length).toBeGreaterThan(0)
    expect(JSON.stringify(audit)).not.toContain(secret)
  })

  it('serves the setup page with Referrer-Policy: no-referrer', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'yorisoi-web-'))
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>よりそい</title>')
    const app = await buildApp({
      db: ctx.db,
      clock: ctx.clock,
      config: testAppConfig(),
      serveWeb: true,
      webRoot,
    })
    const page = await app.inject({ method: 'GET', url: '/setup' })
    const api = await app.inject({ method: 'POST', url: '/api/auth/password-links/describe', payload: {} })
    await app.close()
    expect(page.statusCode).toBe(200)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(api.headers['referrer-policy']).toBe('no-referrer')
  })
})

describe('one-time links under concurrency', () => {
  it('of eight simultaneous uses of a first-administrator link, exactly one creates an administrator', async () => {
    const city = await ctx.newCity()
    const token = (await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now()))!
    const headers = await Promise.all(Array.from({ length: 8 }, () => anonymousHeaders()))
    const results = await Promise.all(
      headers.map((h, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/password-links/use',
          headers: h,
          payload: { token, loginId: `chief${i}`, name: `管理 ${i}`, password: GOOD },
        }),
      ),
    )
    const statuses = results.map((r) => r.statusCode).sort()
    expect(statuses).toEqual([204, 404, 404, 404, 404, 404, 404, 404])
    expect(await adminsOf(city.tenantId)).toHaveLength(1)
    const created = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'account.first_admin')))
    expect(created).toHaveLength(1)
  })

  it('of six simultaneous uses of a reset link, exactly one sets the password', async () => {
    const city = await ctx.newCity()
    const { user, token } = await resetLinkFor(city)
    const passwords = Array.from({ length: 6 }, (_, i) => `${GOOD} number ${i}`)
    const headers = await Promise.all(passwords.map(() => anonymousHeaders()))
    const results = await Promise.all(
      passwords.map((password, i) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/auth/password-links/use',
          headers: headers[i]!,
          payload: { token, password },
        }),
      ),
    )
    const winners = passwords.filter((_, i) => results[i]!.statusCode === 204)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 404)).toHaveLength(5)
    const logins = await Promise.all(passwords.map((p) => tryLogin(city.tenantId, user.loginId, p)))
    expect(logins.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1)
    const set = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.action, 'account.password_set')))
    expect(set).toHaveLength(1)
  })
})

describe('new passwords', () => {
  it('refuses common, repeated and derived passwords with a Japanese field message, and the link stays usable', async () => {
    const city = await ctx.newCity()
    const token = (await issueFirstAdminLink(ctx.db, city.tenantId, ctx.clock.now()))!
    const refused = [
      ' '.repeat(12),
      'a'.repeat(12),
      'password1234',
      'qwertyuiop12',
      'hamada.taro2024',
      'hamada1234567',
      'taro-hamada-1985',
    ]
    for (const password of refused) {
      const res = await submitLink(token, { loginId: 'hamada.taro', name: '浜田 太郎 hamada taro', password })
      expect(res.statusCode, password).toBe(400)
      const error = res.json().errors.find((e: { field: string }) => e.field === 'password')
      expect(error.message, password).toMatch(/推測されやすいため使えません/)
    }
    expect(await adminsOf(city.tenantId)).toHaveLength(0)
    expect((await describeLink(token)).statusCode).toBe(200)
    const ok = await submitLink(token, { loginId: 'hamada.taro', name: '浜田 太郎', password: TEST_PASSWORD })
    expect(ok.statusCode).toBe(204)
  })

  it('refuses NUL, other control characters and lone surrogates, and accepts a Japanese passphrase', async () => {
    const city = await ctx.newCity()
    const { user, token } = await resetLinkFor(city)
    for (const password of [`${GOOD}\u0000x`, `${GOOD}\nx`, `${GOOD}\tx`, `${GOOD}\uD800`]) {
      const res = await submitLink(token, { password })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors[0]).toMatchObject({ field: 'password' })
      expect(res.json().errors[0].message).toMatch(/使えません|文字が含まれています/)
    }
    const passphrase = 'ひきこもり支援の合言葉は山と川　ＡＢＣ\u200b🌸'
    expect((await submitLink(token, { password: passphrase })).statusCode).toBe(204)
    expect((await tryLogin(city.tenantId, user.loginId, passphrase)).statusCode).toBe(200)
  })

  it("refuses a reset password made of the account's own name", async () => {
    const city = await ctx.newCity()
    const { token } = await resetLinkFor(city, '佐藤 花子 sato hanako')
    const res = await submitLink(token, { password: 'hanako-sato-1990' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].message).toMatch(/個人情報/)
  })
})
