import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import type { Role } from '../../shared/codes.ts'
import { buildApp, SESSION_COOKIE } from '../app.ts'
import { type DatabaseHandle, openDatabase } from '../db/client.ts'
import { migrateDatabase } from '../db/migrate.ts'
import { accounts, orgUnits } from '../db/schema/index.ts'
import { ensureCity } from '../modules/tenancy/reference-city.ts'
import { fixedClock } from '../platform/clock.ts'
import { hashPassword } from '../platform/crypto.ts'
import { writeSetting } from '../platform/settings-store.ts'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

/**
 * One database per test file: in-memory PGlite, or — when YORISOI_TEST_DB=postgres — a fresh
 * database created on TEST_DATABASE_URL's server and dropped afterwards. Each test then makes
 * its own city, so tests share nothing.
 */
async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.YORISOI_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined
  if (!serverUrl) {
    const handle = await openDatabase({})
    return { handle, drop: () => handle.close() }
  }
  const name = `yorisoi_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString() })
  return {
    handle,
    drop: async () => {
      await handle.close()
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export interface TestUser {
  id: string
  loginId: string
  tenantId: string
  role: Role
}

export interface Session {
  user: TestUser
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>
}

export async function createTestContext(options: { idleMinutes?: number; loginRateLimit?: number } = {}) {
  const { handle, drop } = await openTestDatabase()
  await migrateDatabase(handle)
  const clock = fixedClock(new Date('2026-11-24T01:00:00Z'))
  const config = {
    idleMinutes: options.idleMinutes ?? 30,
    defaultCity: 'unused',
    sessionSecret: randomBytes(32).toString('hex'),
    twoFactorKey: randomBytes(32).toString('hex'),
    trustProxy: false,
    publicUrl: 'http://localhost',
    loginRateLimit: options.loginRateLimit ?? 100_000,
  }
  const app = await buildApp({ db: handle.db, clock, config })
  await app.ready()
  const db = handle.db

  /**
   * A new city with the reference wards and units; every test gets its own. Two-factor
   * authentication is required of no role unless asked for ('default': the product's default,
   * administrators and headquarters), so that other modules' tests log in with a password alone.
   */
  async function newCity(name = 'テスト市', opts: { twoFactorRoles?: Role[] | 'default' } = {}) {
    const tenantId = `t${randomBytes(5).toString('hex')}`
    await ensureCity(db, { id: tenantId, name })
    if (opts.twoFactorRoles !== 'default') {
      await writeSetting(db, tenantId, 'twoFactorRoles', opts.twoFactorRoles ?? [])
    }
    let n = 0

    async function unitOf(kind: string, wardCode?: string) {
      const byWard = kind === 'ward_centre' || kind === 'ward_section'
      const rows = await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, kind)))
      const unit = rows.find((u) => (byWard ? u.wardCode === (wardCode ?? 'kita') : true))
      if (!unit) throw new Error(`no unit ${kind} ${wardCode ?? ''}`)
      return unit
    }

    const UNIT_OF_ROLE: Record<Role, string> = {
      window_counsellor: 'window',
      ward_coordinator: 'ward_centre',
      ward_staff: 'ward_section',
      accompaniment_worker: 'accompaniment_team',
      agency_member: 'agency',
      headquarters: 'headquarters',
      admin: 'headquarters',
    }

    async function user(role: Role, opts: { ward?: string; name?: string } = {}): Promise<TestUser> {
      n += 1
      const kind = UNIT_OF_ROLE[role]
      let unitId: string
      if (kind === 'agency') {
        const [unit] = await db
          .insert(orgUnits)
          .values({ tenantId, kind: 'agency', name: `関係機関${n}` })
          .returning()
        unitId = unit!.id
      } else {
        unitId = (await unitOf(kind, opts.ward)).id
      }
      passwordHash ??= hashPassword(TEST_PASSWORD)
      const loginId = `${role}${n}`
      const [row] = await db
        .insert(accounts)
        .values({
          tenantId,
          loginId,
          name: opts.name ?? `${role} ${n}`,
          role,
          unitId,
          passwordHash: await passwordHash,
        })
        .returning()
      return { id: row!.id, loginId, tenantId, role }
    }

    /** Logs a user in and returns a client that sends its cookie and CSRF token. */
    async function login(u: TestUser): Promise<Session> {
      const first = await app.inject({ method: 'GET', url: '/api/auth/session' })
      let cookie = sessionCookie(first.headers['set-cookie'])
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { cookie, 'x-csrf-token': first.json().csrfToken },
        payload: { city: tenantId, loginId: u.loginId, password: TEST_PASSWORD },
      })
      if (res.statusCode !== 200 || !res.json().account) {
        throw new Error(`login failed: ${res.statusCode} ${res.body}`)
      }
      cookie = sessionCookie(res.headers['set-cookie']) || cookie
      const csrf = res.json().csrfToken as string
      const request = (o: InjectOptions) =>
        app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...(o.headers ?? {}) } })
      return {
        user: u,
        request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
        patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
        put: (url, payload) => request({ method: 'PUT', url, payload: payload as never }),
      }
    }

    async function as(role: Role, opts: { ward?: string; name?: string } = {}) {
      return login(await user(role, opts))
    }

    return { tenantId, user, login, as, unitOf }
  }

  return {
    app,
    db,
    clock,
    newCity,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>
export type TestCity = Awaited<ReturnType<TestContext['newCity']>>

export function sessionCookie(header: string | string[] | undefined): string {
  const list = Array.isArray(header) ? header : header ? [header] : []
  const found = list.find((c) => c.startsWith(`${SESSION_COOKIE}=`))
  return found ? found.split(';')[0]! : ''
}
