import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, sessionCookie, TEST_PASSWORD, type TestContext } from '#server/test/harness.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

async function setPasswordThrough(path: string, password: string) {
  const token = new URLSearchParams(new URL(path, 'http://x').hash.slice(1)).get('token')!
  const anon = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
  return ctx.app.inject({
    method: 'POST',
    url: '/api/auth/password-links/use',
    headers: { cookie: sessionCookie(anon.headers['set-cookie']), 'x-csrf-token': anon.json().csrfToken },
    payload: { token, password },
  })
}

describe('account administration', () => {
  it('creates an account whose owner sets the password through a one-time link', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const window = await city.unitOf('window')
    const res = await admin.post('/api/accounts', {
      loginId: 'sato',
      name: '佐藤 花子',
      role: 'window_counsellor',
      unitId: window.id,
    })
    expect(res.statusCode).toBe(201)
    const { account, passwordLink } = res.json()
    expect(account).toMatchObject({
      loginId: 'sato',
      role: 'window_counsellor',
      active: true,
      hasPassword: false,
    })
    expect(passwordLink.path).toMatch(/^\/setup#token=/)
    expect((await setPasswordThrough(passwordLink.path, 'sato-no-pasuwado-2026')).statusCode).toBe(204)
    const owner = await city
      .login({ id: account.id, loginId: 'sato', tenantId: city.tenantId, role: 'window_counsellor' })
      .catch((e: Error) => e)
    // The harness logs in with TEST_PASSWORD, which this account does not have.
    expect(owner).toBeInstanceOf(Error)
    expect((await setPasswordThrough(passwordLink.path, 'again-and-again-2026')).statusCode).toBe(404)
  })

  it('refuses a duplicate login ID and a role that does not fit the unit, with field messages', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const window = await city.unitOf('window')
    const kita = await city.unitOf('ward_centre', 'kita')
    await admin.post('/api/accounts', {
      loginId: 'dup',
      name: 'A',
      role: 'window_counsellor',
      unitId: window.id,
    })
    const dup = await admin.post('/api/accounts', {
      loginId: 'dup',
      name: 'B',
      role: 'window_counsellor',
      unitId: window.id,
    })
    expect(dup.statusCode).toBe(400)
    expect(dup.json().errors).toEqual([{ field: 'loginId', message: 'このログインIDは既に使われています' }])
    const misfit = await admin.post('/api/accounts', {
      loginId: 'xx1',
      name: 'C',
      role: 'window_counsellor',
      unitId: kita.id,
    })
    expect(misfit.json().errors[0].field).toBe('unitId')
    const bad = await admin.post('/api/accounts', { loginId: 'a b', name: '', role: 'nobody', unitId: 'x' })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['loginId', 'name', 'role', 'unitId'])
  })

  it('deactivating an account ends its sessions and stops its logins', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    expect((await counsellor.get('/api/wards')).statusCode).toBe(200)
    const res = await admin.patch(`/api/accounts/${counsellor.user.id}`, { active: false })
    expect(res.json().active).toBe(false)
    expect((await counsellor.get('/api/wards')).statusCode).toBe(401)
    await expect(city.login(counsellor.user)).rejects.toThrow(/401/)
  })

  it('a password reset ends sessions, voids the old password and issues a link', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    const res = await admin.post(`/api/accounts/${counsellor.user.id}/password-reset`)
    expect(res.statusCode).toBe(200)
    expect((await counsellor.get('/api/wards')).statusCode).toBe(401)
    await expect(city.login(counsellor.user)).rejects.toThrow(/401/)
    expect((await setPasswordThrough(res.json().passwordLink.path, TEST_PASSWORD)).statusCode).toBe(204)
    expect((await city.login(counsellor.user)).user.id).toBe(counsellor.user.id)
  })

  it('unlocks a locked account', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const u = await city.user('window_counsellor')
    const anon = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    const headers = {
      cookie: sessionCookie(anon.headers['set-cookie']),
      'x-csrf-token': anon.json().csrfToken,
    }
    for (let i = 0; i < 10; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { city: city.tenantId, loginId: u.loginId, password: 'nope' },
      })
    }
    expect((await admin.get(`/api/accounts/${u.id}`)).json().locked).toBe(true)
    expect((await admin.patch(`/api/accounts/${u.id}`, { unlock: true })).json().locked).toBe(false)
    expect((await city.login(u)).user.id).toBe(u.id)
  })

  it('lists, filters and pages accounts', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    for (let i = 0; i < 3; i++) await city.user('window_counsellor', { name: `相談員${i}` })
    await city.user('ward_coordinator', { ward: 'kita', name: '北の係長' })
    const all = await admin.get('/api/accounts?pageSize=2')
    expect(all.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 })
    expect(all.json().items).toHaveLength(2)
    const coordinators = await admin.get('/api/accounts?role=ward_coordinator')
    expect(coordinators.json().items.map((a: { name: string }) => a.name)).toEqual(['北の係長'])
    const search = await admin.get(`/api/accounts?q=${encodeURIComponent('相談員1')}`)
    expect(search.json().total).toBe(1)
  })

  it('is for administrators only, and every change is audited', async () => {
    const city = await ctx.newCity()
    for (const role of ['window_counsellor', 'ward_coordinator', 'headquarters', 'agency_member'] as const) {
      const s = await city.as(role, { ward: 'kita' })
      expect((await s.get('/api/accounts')).statusCode).toBe(403)
      expect((await s.post('/api/accounts', {})).statusCode).toBeGreaterThanOrEqual(400)
    }
    const admin = await city.as('admin')
    const window = await city.unitOf('window')
    const created = await admin.post('/api/accounts', {
      loginId: 'audited',
      name: 'A',
      role: 'window_counsellor',
      unitId: window.id,
    })
    await admin.patch(`/api/accounts/${created.json().account.id}`, { name: 'B' })
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.recordId, created.json().account.id)))
    expect(rows.map((r) => r.action).sort()).toEqual(['account.create', 'account.update'])
    expect(rows.every((r) => r.actorLogin === admin.user.loginId && r.clientAddress)).toBe(true)
    expect(JSON.stringify(rows.map((r) => r.detail))).not.toContain('"B"')
  })

  it('moves an account to another role and unit; its sessions end so the new scope applies', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const counsellor = await city.as('window_counsellor')
    const kita = await city.unitOf('ward_centre', 'kita')
    const res = await admin.patch(`/api/accounts/${counsellor.user.id}`, {
      name: '異動 太郎',
      role: 'ward_coordinator',
      unitId: kita.id,
      active: true,
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: '異動 太郎', role: 'ward_coordinator', unit: { id: kita.id } })
    expect((await counsellor.get('/api/wards')).statusCode).toBe(401)
    const misfit = await admin.patch(`/api/accounts/${counsellor.user.id}`, { role: 'window_counsellor' })
    expect(misfit.statusCode).toBe(400)
    expect(misfit.json().errors[0].field).toBe('unitId')
  })

  it('an administrator cannot deactivate themself', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const res = await admin.patch(`/api/accounts/${admin.user.id}`, { active: false })
    expect(res.statusCode).toBe(400)
  })
})

describe('two cities', () => {
  it('an administrator of one city sees nothing of another', async () => {
    const a = await ctx.newCity('甲市')
    const b = await ctx.newCity('乙市')
    const adminA = await a.as('admin')
    const other = await b.user('window_counsellor')
    expect((await adminA.get(`/api/accounts/${other.id}`)).statusCode).toBe(404)
    expect((await adminA.patch(`/api/accounts/${other.id}`, { name: 'x' })).statusCode).toBe(404)
    const list = await adminA.get('/api/accounts?pageSize=200')
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(other.id)
    const unitsA = (await adminA.get('/api/units')).json().map((u: { id: string }) => u.id)
    const kitaB = await b.unitOf('ward_centre', 'kita')
    expect(unitsA).not.toContain(kitaB.id)
    // Logging in to city A with city B's credentials fails.
    await expect(a.login(other)).rejects.toThrow(/401/)
  })
})

describe('reference data', () => {
  it('gives every signed-in user the 14 wards and the units', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    const wards = (await s.get('/api/wards')).json()
    expect(wards).toHaveLength(14)
    expect(wards[0]).toEqual({ code: 'kita', name: '北区' })
    const units = (await s.get('/api/units')).json()
    expect(units.filter((u: { kind: string }) => u.kind === 'ward_section')).toHaveLength(56)
  })

  it('TEST_PASSWORD is not a product default (no default password exists)', async () => {
    const city = await ctx.newCity()
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: sessionCookie(res.headers['set-cookie']), 'x-csrf-token': res.json().csrfToken },
      payload: { city: city.tenantId, loginId: 'admin', password: TEST_PASSWORD },
    })
    expect(login.statusCode).toBe(401)
  })
})
