import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountTotp, auditLog } from '#server/db/schema/index.ts'
import { sealSecret, secretBoxKey } from '#server/platform/secret-box.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { codeAt, enrol, enrolledUser, passwordLogin } from './two-factor.fixtures.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function audited(tenantId: string, action: string) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, action)))
}

describe('the owner disables or re-enrols', () => {
  it('turns 2FA off with the password only; the next login needs no code', async () => {
    const city = await ctx.newCity()
    const { user, c } = await enrolledUser(ctx, city, 'ward_staff')
    expect((await c.get('/api/auth/two-factor')).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    })
    // Enrolling again over an enabled authenticator is refused: disable first.
    expect((await c.post('/api/auth/two-factor/enrolment')).statusCode).toBe(409)
    const wrong = await c.post('/api/auth/two-factor/disable', { password: 'not my password' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0]).toMatchObject({ field: 'password' })
    expect((await c.post('/api/auth/two-factor/disable', { password: 'x\u0000' })).statusCode).toBe(400)
    expect((await c.get('/api/auth/two-factor')).json().enabled).toBe(true)
    const ok = await c.post('/api/auth/two-factor/disable', { password: 'correct horse battery staple' })
    expect(ok.statusCode).toBe(204)
    expect((await c.get('/api/auth/two-factor')).json()).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    })
    expect((await passwordLogin(ctx, city, user)).res.json().secondFactor).toBeNull()
    expect(await audited(city.tenantId, 'auth.totp_disabled')).toHaveLength(1)
    // And enrols again, with a new secret and new recovery codes.
    const again = await enrol(ctx, c)
    expect(again.recoveryCodes).toHaveLength(10)
    expect((await passwordLogin(ctx, city, user)).res.json().secondFactor).toBe('totp')
  })

  it('a restarted enrolment replaces the unconfirmed secret: codes of the first one no longer confirm', async () => {
    const city = await ctx.newCity()
    const user = await city.user('admin')
    const { c } = await passwordLogin(ctx, city, user)
    const first = (await c.post('/api/auth/two-factor/enrolment')).json().secret as string
    const second = (await c.post('/api/auth/two-factor/enrolment')).json().secret as string
    expect(second).not.toBe(first)
    const stale = await c.post('/api/auth/two-factor/enrolment/confirm', { code: codeAt(ctx, first) })
    expect(stale.statusCode).toBe(400)
    const ok = await c.post('/api/auth/two-factor/enrolment/confirm', { code: codeAt(ctx, second) })
    expect(ok.statusCode).toBe(200)
  })

  it('a recovery code does not confirm an enrolment (only the app’s code proves the app)', async () => {
    const city = await ctx.newCity()
    const user = await city.user('admin')
    const { c } = await passwordLogin(ctx, city, user)
    await c.post('/api/auth/two-factor/enrolment')
    const res = await c.post('/api/auth/two-factor/enrolment/confirm', { code: 'abcde-fghjk' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('code')
  })
})

describe('an administrator resets another account', () => {
  it('removes its authenticator, ends its sessions, audits it; its next login must enrol again', async () => {
    const city = await ctx.newCity('既定の市', { twoFactorRoles: 'default' })
    const admin = await enrolledUser(ctx, city, 'admin')
    const hq = await enrolledUser(ctx, city, 'headquarters')
    expect((await hq.c.get('/api/wards')).statusCode).toBe(200)
    const status = await admin.c.get(`/api/accounts/${hq.user.id}/two-factor`)
    expect(status.json()).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 })
    const reset = await admin.c.post(`/api/accounts/${hq.user.id}/two-factor/reset`)
    expect(reset.statusCode).toBe(204)
    expect((await hq.c.get('/api/wards')).statusCode).toBe(401)
    const { c, res } = await passwordLogin(ctx, city, hq.user)
    expect(res.json().secondFactor).toBe('enrol')
    expect((await c.post('/api/auth/two-factor/verify', { code: hq.recoveryCodes[0] })).statusCode).toBe(401)
    const rows = await audited(city.tenantId, 'auth.totp_reset')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actorId: admin.user.id, recordType: 'account', recordId: hq.user.id })
    expect(rows[0]!.detail).toEqual({ wasEnabled: true })
  })

  it('only administrators, only their city’s accounts, and not their own', async () => {
    const city = await ctx.newCity()
    const admin = await enrolledUser(ctx, city, 'admin')
    const target = await enrolledUser(ctx, city, 'ward_coordinator')
    const hq = await city.as('headquarters')
    expect((await hq.post(`/api/accounts/${target.user.id}/two-factor/reset`)).statusCode).toBe(403)
    expect((await hq.get(`/api/accounts/${target.user.id}/two-factor`)).statusCode).toBe(403)
    const other = await ctx.newCity('別の市')
    const stranger = await other.user('window_counsellor')
    expect((await admin.c.post(`/api/accounts/${stranger.id}/two-factor/reset`)).statusCode).toBe(404)
    expect((await admin.c.post(`/api/accounts/${admin.user.id}/two-factor/reset`)).statusCode).toBe(409)
    expect((await admin.c.post('/api/accounts/not-a-uuid/two-factor/reset')).statusCode).toBe(400)
    expect((await target.c.get('/api/auth/two-factor')).json().enabled).toBe(true)
    expect(await audited(city.tenantId, 'auth.totp_reset')).toHaveLength(0)
  })
})

describe('a server whose two-factor key changed', () => {
  it('says what happened and how to get in, and a recovery code still works', async () => {
    const city = await ctx.newCity()
    const { user, secret, recoveryCodes } = await enrolledUser(ctx, city, 'ward_staff')
    // The sealed secret as another key would have sealed it: it no longer opens with this server's.
    const other = sealSecret(
      secretBoxKey('a-different-two-factor-key-0123456789'),
      secret,
      `totp:${city.tenantId}:${user.id}`,
    )
    await ctx.db
      .update(accountTotp)
      .set({ secretSealed: other })
      .where(and(eq(accountTotp.tenantId, city.tenantId), eq(accountTotp.accountId, user.id)))
    const { c } = await passwordLogin(ctx, city, user)
    const res = await c.post('/api/auth/two-factor/verify', { code: codeAt(ctx, secret) })
    expect(res.statusCode).toBe(500)
    expect(res.json().detail).toContain('回復コードでログインするか')
    expect(res.body).not.toContain(secret)
    const recovered = await c.post('/api/auth/two-factor/verify', { code: recoveryCodes[0] })
    expect(recovered.statusCode).toBe(200)
  })
})
