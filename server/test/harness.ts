import { randomBytes } from 'node:crypto'
import type { Writable } from 'node:stream'
import { and, eq, type SQL, sql } from 'drizzle-orm'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { buildApp, loggerOptions } from '#server/app.ts'
import { type DatabaseHandle, type Db, openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { openStore } from '#server/db/open-store.ts'
import { appRoleWarnings, grantAppRole } from '#server/db/roles.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { fixedClock } from '#server/platform/clock.ts'
import { hashPassword } from '#server/platform/crypto.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import type { Role } from '#shared/codes.ts'

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

/**
 * One database per test file: in-memory PGlite, or — when YORISOI_TEST_DB=postgres — a fresh
 * database created on TEST_DATABASE_URL's server and dropped afterwards, migrated. Each test then
 * makes its own city, so tests share nothing. With `separateRoles`, the database is migrated by
 * an owner role and the app runs as an application role holding only what grantAppRole gives it,
 * as a production deployment with DATABASE_MIGRATION_URL does.
 */
async function openTestDatabase(
  separateRoles: boolean,
): Promise<{ handle: DatabaseHandle; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.YORISOI_TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL : undefined
  if (!serverUrl) {
    const handle = await openDatabase({})
    if (separateRoles) await becomeAppRole(handle)
    else await migrateDatabase(handle)
    return { handle, drop: () => handle.close() }
  }
  const suffix = randomBytes(6).toString('hex')
  const name = `yorisoi_test_${suffix}`
  const roles = separateRoles ? { owner: `yorisoi_owner_${suffix}`, app: `yorisoi_app_${suffix}` } : null
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  // A password too, for servers that trust only the superuser on the loopback address.
  const password = randomBytes(12).toString('hex')
  if (roles) {
    await admin.query(`CREATE ROLE ${roles.owner} LOGIN PASSWORD '${password}'`)
    await admin.query(`CREATE ROLE ${roles.app} LOGIN PASSWORD '${password}'`)
    await admin.query(`CREATE DATABASE ${name} OWNER ${roles.owner}`)
  } else {
    await admin.query(`CREATE DATABASE ${name}`)
  }
  await admin.end()
  const urlAs = (user?: string) => {
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    if (user) {
      url.username = user
      url.password = password
    }
    return url.toString()
  }
  let handle: DatabaseHandle
  if (roles) {
    const config = { databaseUrl: urlAs(roles.app), databaseMigrationUrl: urlAs(roles.owner), dataDir: '' }
    handle = await openStore(config, (line) => {
      throw new Error(`unexpected warning: ${line}`)
    })
  } else {
    handle = await openDatabase({ url: urlAs() })
    await migrateDatabase(handle)
  }
  return {
    handle,
    url: urlAs(roles?.app),
    drop: async () => {
      await handle.close()
      const c = new pg.Client({ connectionString: serverUrl })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      if (roles) await c.query(`DROP ROLE IF EXISTS ${roles.app}, ${roles.owner}`)
      await c.end()
    },
  }
}

/**
 * The embedded store has one connection and one real user; roles still exist in it, so the
 * separation is rehearsed with SET ROLE: migrate as an owner role, grant, then stay the app role.
 */
async function becomeAppRole(handle: DatabaseHandle) {
  const db = handle.db
  await db.execute(sql`CREATE ROLE yorisoi_owner`)
  await db.execute(sql`CREATE ROLE yorisoi_app`)
  await db.execute(sql`ALTER SCHEMA public OWNER TO yorisoi_owner`)
  await db.execute(sql.raw(`GRANT CREATE ON DATABASE "${await currentDatabase(db)}" TO yorisoi_owner`))
  await db.execute(sql`SET ROLE yorisoi_owner`)
  await migrateDatabase(handle)
  await grantAppRole(db, 'yorisoi_app')
  await db.execute(sql`SET ROLE yorisoi_app`)
  // Not a superuser, so row-level security applies (migration 0013_rls); the embedded store's one
  // connection is not scoped per request as PostgreSQL's pool is (tenant-pool.ts), so it sees all
  // cities, as the embedded store's superuser does.
  await db.execute(sql`SELECT set_config('yorisoi.tenant', '*', false)`)
  const warnings = await appRoleWarnings(db)
  if (warnings.length) throw new Error(`unexpected warnings: ${warnings.join('; ')}`)
}

async function currentDatabase(db: DatabaseHandle['db']): Promise<string> {
  const result = (await db.execute(sql`SELECT current_database() AS name`)) as unknown as {
    rows: { name: string }[]
  }
  return result.rows[0]!.name
}

const onPostgres = () => process.env.YORISOI_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL

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

/**
 * The app's configuration for a test: fresh secrets each time, no trusted proxy, generous login
 * limits; `overrides` set what a test is about.
 */
export function testAppConfig(overrides: Partial<AppDeps['config']> = {}): AppDeps['config'] {
  return {
    idleMinutes: 30,
    defaultCity: 'unused',
    sessionSecret: randomBytes(32).toString('hex'),
    twoFactorKey: randomBytes(32).toString('hex'),
    trustProxy: [],
    publicUrl: 'http://localhost',
    loginRateLimit: 1000,
    loginAddressRateLimit: 1000,
    ...overrides,
  }
}

export async function createTestContext(
  options: {
    idleMinutes?: number
    loginRateLimit?: number
    loginAddressRateLimit?: number
    trustProxy?: string[]
    separateRoles?: boolean
    /** Where the app's log lines go (info level), for tests that read what the log holds. */
    logStream?: Writable
    /** Any other setting a test is about (e.g. an SMTP relay's URL). */
    config?: Partial<AppDeps['config']>
  } = {},
) {
  // On PostgreSQL the app runs as the application role by default, as deployments should; tests
  // that tamper with the audit log as its owner ask for `separateRoles: false`.
  const { handle, url, drop } = await openTestDatabase(options.separateRoles ?? onPostgres())
  const clock = fixedClock(new Date('2026-11-24T01:00:00Z'))
  const config = testAppConfig({
    ...(options.idleMinutes === undefined ? {} : { idleMinutes: options.idleMinutes }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    loginRateLimit: options.loginRateLimit ?? 100_000,
    loginAddressRateLimit: options.loginAddressRateLimit ?? 100_000,
    ...options.config,
  })
  const logger = options.logStream
    ? { ...loggerOptions, level: 'info', stream: options.logStream }
    : undefined
  const app = await buildApp({ db: handle.db, clock, config, ...(logger ? { logger } : {}) })
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

    /** Logs a user in and returns a client that sends its cookies and CSRF token. */
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
      cookie = withCookies(cookie, res.headers['set-cookie'])
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
    /** The URL the app connects with on PostgreSQL (the app role's with separateRoles); undefined on PGlite. */
    databaseUrl: url,
    clock,
    newCity,
    close: async () => {
      await app.close()
      await drop()
    },
  }
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>

/** The rows of a raw SQL statement run through `db.execute` (either store's driver answers `{ rows }`). */
export const rowsOf = async <T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows
export type TestCity = Awaited<ReturnType<TestContext['newCity']>>

/**
 * The cookies a response sets, as a Cookie header: the session cookie and the CSRF secret's
 * cookie (anonymous visitors get only the latter).
 */
export function sessionCookie(header: string | string[] | undefined): string {
  return withCookies('', header)
}

/** A Cookie header updated with the cookies a response sets (an expired one is dropped). */
export function withCookies(cookie: string, setCookie: string | string[] | undefined): string {
  const jar = new Map(
    cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c] as const),
  )
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = line.split(';')[0]!
    const name = pair.slice(0, pair.indexOf('='))
    if (/;\s*Max-Age=0\b/i.test(line) || pair === `${name}=`) jar.delete(name)
    else jar.set(name, pair)
  }
  return [...jar.values()].join('; ')
}
