import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountRecoveryCodes, accountTotp, auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { codeAt, enrol, enrolledUser, passwordLogin } from './two-factor.fixtures.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function actions(tenantId: string) {
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId))
    .orderBy(auditLog.id)
  return rows
}

describe('required by the city’s setting (default: administrators and headquarters)', () => {
  it('an administrator without 2FA reaches only the enrolment endpoints until enrolled', async () => {
    const city = await ctx.newCity('既定の市', { twoFactorRoles: 'default' })
    const admin = await city.user('admin')
    const { c, res } = await passwordLogin(ctx, city, admin)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ account: null, secondFactor: 'enrol' })
    for (const url of ['/api/cases', '/api/accounts', '/api/settings', '/api/audit', '/api/wards']) {
      expect((await c.get(url)).statusCode, url).toBe(401)
    }
    expect((await c.post('/api/auth/two-factor/verify', { code: '123456' })).statusCode).toBe(401)
    expect((await c.get('/api/auth/session')).json()).toMatchObject({ account: null, secondFactor: 'enrol' })
    expect((await c.get('/api/auth/two-factor')).json()).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: true,
    })
    const started = (await c.post('/api/auth/two-factor/enrolment')).json()
    expect(started.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/)
    expect(started.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    const wrong = await c.post('/api/auth/two-factor/enrolment/confirm', { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0].field).toBe('code')
    expect((await c.get('/api/accounts')).statusCode).toBe(401)
    const ok = await c.post('/api/auth/two-factor/enrolment/confirm', { code: codeAt(ctx, started.secret) })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().recoveryCodes).toHaveLength(10)
    expect(ok.json().account.loginId).toBe(admin.loginId)
    expect((await c.get('/api/accounts')).statusCode).toBe(200)
    expect((await c.get('/api/settings')).json().twoFactorRoles).toEqual(['headquarters', 'admin'])
    expect((await actions(city.tenantId)).map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_failed', 'auth.totp_enrolled']),
    )
  })

  it('headquarters must enrol before any other request; a window counsellor signs in with the password', async () => {
    const city = await ctx.newCity('既定の市', { twoFactorRoles: 'default' })
    const hq = await city.user('headquarters')
    const { c, res } = await passwordLogin(ctx, city, hq)
    expect(res.json().secondFactor).toBe('enrol')
    expect((await c.get('/api/cases')).statusCode).toBe(401)
    expect((await c.get('/api/reports?from=2026-04-01&to=2026-11-30')).statusCode).toBe(401)
    await enrol(ctx, c)
    expect((await c.get('/api/wards')).statusCode).toBe(200)
    const counsellor = await city.user('window_counsellor')
    const plain = await passwordLogin(ctx, city, counsellor)
    expect(plain.res.json()).toMatchObject({ secondFactor: null, account: { loginId: counsellor.loginId } })
  })

  it('the administrator changes which roles must use 2FA; bad values are refused', async () => {
    const city = await ctx.newCity()
    const { c } = await enrolledUser(ctx, city, 'admin')
    const set = await c.put('/api/settings', { twoFactorRoles: ['window_counsellor', 'admin', 'admin'] })
    expect(set.statusCode).toBe(200)
    expect(set.json().twoFactorRoles).toEqual(['window_counsellor', 'admin'])
    const counsellor = await city.user('window_counsellor')
    expect((await passwordLogin(ctx, city, counsellor)).res.json().secondFactor).toBe('enrol')
    for (const bad of [['superuser'], ['admin\u0000'], 'admin', ['\ud800'], ['ａｄｍｉｎ']]) {
      const res = await c.put('/api/settings', { twoFactorRoles: bad })
      expect(res.statusCode, JSON.stringify(bad)).toBe(400)
      expect(res.json().errors[0].field).toMatch(/^twoFactorRoles/)
    }
    expect((await c.get('/api/settings')).json().twoFactorRoles).toEqual(['window_counsellor', 'admin'])
    const [row] = (await actions(city.tenantId)).filter((r) => r.action === 'settings.update')
    expect(row!.detail).toEqual({ twoFactorRoles: ['window_counsellor', 'admin'] })
  })
})

describe('the second step of a login', () => {
  it('accepts the current code once; wrong, old and replayed codes are refused', async () => {
    const city = await ctx.newCity()
    const { user, secret } = await enrolledUser(ctx, city, 'ward_coordinator')
    const { c, res } = await passwordLogin(ctx, city, user)
    expect(res.json()).toMatchObject({ account: null, secondFactor: 'totp' })
    expect((await c.get('/api/cases')).statusCode).toBe(401)
    const current = codeAt(ctx, secret)
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0')
    expect((await c.post('/api/auth/two-factor/verify', { code: wrong })).statusCode).toBe(400)
    expect((await c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret, 3) })).statusCode).toBe(
      400,
    )
    const ok = await c.post('/api/auth/two-factor/verify', { code: current })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().account.loginId).toBe(user.loginId)
    expect((await c.get('/api/cases')).statusCode).toBe(200)
    // The same code again (another login within the same 30 seconds) is a replay.
    const again = await passwordLogin(ctx, city, user)
    const replay = await again.c.post('/api/auth/two-factor/verify', { code: current })
    expect(replay.statusCode).toBe(400)
    // So is the previous step's code, though it is within the drift window.
    ctx.clock.advance(30_000)
    expect((await again.c.post('/api/auth/two-factor/verify', { code: current })).statusCode).toBe(400)
    const next = await again.c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret) })
    expect(next.statusCode).toBe(200)
    const reasons = (await actions(city.tenantId))
      .filter((r) => r.action === 'auth.totp_failed')
      .map((r) => (r.detail as { reason: string }).reason)
    expect(reasons).toEqual(['wrong_code', 'wrong_code', 'replayed_code', 'replayed_code'])
  })

  it('of many concurrent requests with the same code, exactly one signs in', async () => {
    const city = await ctx.newCity()
    const { user, secret } = await enrolledUser(ctx, city, 'admin')
    const sessions = await Promise.all(Array.from({ length: 8 }, () => passwordLogin(ctx, city, user)))
    const code = codeAt(ctx, secret)
    const results = await Promise.all(
      sessions.map(({ c }) => c.post('/api/auth/two-factor/verify', { code })),
    )
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400])
  })

  it('a recovery code works once, also when sent concurrently', async () => {
    const city = await ctx.newCity()
    const { user, recoveryCodes } = await enrolledUser(ctx, city, 'headquarters')
    expect(new Set(recoveryCodes).size).toBe(10)
    const code = recoveryCodes[3]!
    const sessions = await Promise.all(Array.from({ length: 8 }, () => passwordLogin(ctx, city, user)))
    // Typed with full-width characters and spaces, as a person might.
    const typed = ` ${code.toUpperCase().replace(/[A-Z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))} `
    const results = await Promise.all(
      sessions.map(({ c }) => c.post('/api/auth/two-factor/verify', { code: typed })),
    )
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400])
    const later = await passwordLogin(ctx, city, user)
    expect((await later.c.post('/api/auth/two-factor/verify', { code })).statusCode).toBe(400)
    expect((await later.c.post('/api/auth/two-factor/verify', { code: recoveryCodes[4] })).statusCode).toBe(
      200,
    )
    expect((await later.c.get('/api/auth/two-factor')).json().recoveryCodesLeft).toBe(8)
    const used = (await actions(city.tenantId)).filter((r) => r.action === 'auth.recovery_used')
    expect(used.map((r) => r.detail)).toEqual([{ recoveryCodesLeft: 9 }, { recoveryCodesLeft: 8 }])
  })

  it('wrong codes lock the account, and a correct password does not clear their count', async () => {
    const city = await ctx.newCity()
    const { user, secret } = await enrolledUser(ctx, city, 'admin')
    for (const round of [0, 1]) {
      const { c } = await passwordLogin(ctx, city, user)
      const sent = await Promise.all(
        Array.from({ length: 5 }, (_, i) => c.post('/api/auth/two-factor/verify', { code: `90000${i}` })),
      )
      expect(sent.map((r) => r.statusCode).sort(), `round ${round}`).toEqual(
        round === 0 ? [400, 400, 400, 400, 400] : [400, 400, 400, 400, 423],
      )
    }
    // Locked: the password itself is refused now, and so would be the right code.
    expect((await passwordLogin(ctx, city, user)).res.statusCode).not.toBe(200)
    expect((await actions(city.tenantId)).map((r) => r.action)).toContain('auth.locked')
    ctx.clock.advance(16 * 60_000)
    const { c } = await passwordLogin(ctx, city, user)
    expect((await c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret) })).statusCode).toBe(200)
  })

  it('refuses malformed codes with a field message, and a second step that waited too long', async () => {
    const city = await ctx.newCity()
    const { user, secret } = await enrolledUser(ctx, city, 'admin')
    const { c } = await passwordLogin(ctx, city, user)
    for (const code of [
      '12345',
      '1234567',
      '12\u00003456',
      '\ud800123456',
      '123\u200b456',
      '',
      'x'.repeat(41),
    ]) {
      const res = await c.post('/api/auth/two-factor/verify', { code })
      expect(res.statusCode, JSON.stringify(code)).toBe(400)
      expect(res.json().errors[0]).toMatchObject({ field: 'code' })
    }
    ctx.clock.advance(11 * 60_000)
    expect((await c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret) })).statusCode).toBe(401)
    // Full-width digits with a space are the same code.
    const fresh = await passwordLogin(ctx, city, user)
    const code = codeAt(ctx, secret)
    const wide = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/\d/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    )
    expect((await fresh.c.post('/api/auth/two-factor/verify', { code: wide })).statusCode).toBe(200)
  })

  it('keeps the secret encrypted and out of every audit row; recovery codes only as hashes', async () => {
    const city = await ctx.newCity()
    const { user, secret, recoveryCodes } = await enrolledUser(ctx, city, 'admin')
    const [row] = await ctx.db.select().from(accountTotp).where(eq(accountTotp.accountId, user.id))
    expect(row!.secretSealed).not.toContain(secret)
    expect(row!.secretSealed).toMatch(/^v1\./)
    const hashes = await ctx.db
      .select()
      .from(accountRecoveryCodes)
      .where(
        and(eq(accountRecoveryCodes.tenantId, city.tenantId), eq(accountRecoveryCodes.accountId, user.id)),
      )
    expect(hashes).toHaveLength(10)
    const stored = JSON.stringify([hashes, await actions(city.tenantId)])
    for (const text of [secret, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace('-', ''))]) {
      expect(stored).not.toContain(text)
    }
  })
})

describe('code rate limit', () => {
  it('answers 429 past the per-address limit, like the password', async () => {
    const limited = await createTestContext({ loginAddressRateLimit: 3 })
    try {
      const city = await limited.newCity()
      const { user } = await enrolledUser(limited, city, 'admin')
      const { c } = await passwordLogin(limited, city, user)
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        statuses.push((await c.post('/api/auth/two-factor/verify', { code: `11111${i}` })).statusCode)
      }
      expect(statuses).toEqual([400, 400, 400, 429])
    } finally {
      await limited.close()
    }
  })
})
