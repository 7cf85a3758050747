import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from './db/open-store.ts'
import { inquiryMessages, inquiryThreads } from './db/schema/index.ts'
import { withTenant } from './db/tenant-scope.ts'
import { ensureCity } from './modules/org/index.ts'
import { fixedClock } from './platform/clock.ts'
import { buildPublicApp } from './public-app.ts'
import { loadPublicConfig, startPublicServer } from './public-serve.ts'
import { browser, GOOD_PASSPHRASE, openConsultation } from './public-site/test-support.ts'
import { createTestContext, type TestCity, type TestContext, testAppConfig } from './test/harness.ts'
import { createPublicRole, type PublicRole } from './test/public-role.ts'

// `npm run public`: the residents' pages and their endpoints only, on PUBLIC_PORT, as the public
// database role (issue 11). On PostgreSQL the role logs in with its own password and each request
// is held to its city by row-level security; on PGlite it is a SET ROLE away (test/public-role.ts).
let ctx: TestContext
let city: TestCity
let publicRole: PublicRole
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  city = await ctx.newCity('寄添市')
  publicRole = await createPublicRole(ctx)
})
afterAll(async () => {
  await publicRole?.close()
  await ctx.close()
  await publicRole?.drop()
})

const STAFF_PATHS: [string, string][] = [
  ['GET', '/api/cases'],
  ['GET', '/api/auth/session'],
  ['POST', '/api/auth/login'],
  ['GET', '/api/docs'],
  ['GET', '/api/docs/json'],
  ['GET', '/api/org/units'],
  ['GET', '/api/inquiries'],
  ['GET', '/login'],
  ['GET', '/setup'],
  ['GET', '/cases'],
  ['GET', '/index.html'],
  ['GET', '/assets/index.js'],
]

describe('the public entry point', () => {
  it('answers the public pages and 404s the staff API and the staff web app', async () => {
    const app = await buildPublicApp({
      db: ctx.db,
      clock: ctx.clock,
      config: testAppConfig({ defaultCity: city.tenantId }),
    })
    try {
      const about = await app.inject({ method: 'GET', url: `/soudan/${city.tenantId}/` })
      expect(about.statusCode).toBe(200)
      expect(about.body).toContain('寄添市')
      const root = await app.inject({ method: 'GET', url: '/' })
      expect([root.statusCode, root.headers.location]).toEqual([302, `/soudan/${city.tenantId}/`])
      for (const [method, url] of STAFF_PATHS) {
        const res = await app.inject({ method: method as 'GET', url })
        expect([method, url, res.statusCode]).toEqual([method, url, 404])
        expect(res.headers['set-cookie']).toBeUndefined()
      }
      // The same security headers as the staff app.
      expect(about.headers['content-security-policy']).toMatch(/default-src 'self'/)
      expect(about.headers['x-frame-options']).toBe('DENY')
    } finally {
      await app.close()
    }
  })

  it('npm start keeps serving both: the staff app and the public pages on one port', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(200)
    expect((await ctx.app.inject({ method: 'GET', url: `/soudan/${city.tenantId}/` })).statusCode).toBe(200)
  })

  it('lets a resident write, come back and read a staff reply, running as the public role', async () => {
    const other = await ctx.newCity('他市')
    const clock = fixedClock(new Date('2026-11-24T01:00:00Z'))
    const config = testAppConfig({ defaultCity: city.tenantId })
    const asPublic = <T>(fn: (app: Awaited<ReturnType<typeof buildPublicApp>>) => Promise<T>) =>
      publicRole.inCity(city.tenantId, async (db) => {
        const app = await buildPublicApp({ db, clock, config })
        try {
          return await fn(app)
        } finally {
          await app.close()
        }
      })
    const resident = await asPublic(async (app) => {
      const b = browser(app)
      const { code, done } = await openConsultation(b, city.tenantId, { who: 'family' })
      expect(done.statusCode, done.body.slice(0, 300)).toBe(200)
      // Another city's page on the same port knows nothing of it.
      expect((await b.get(`/soudan/${other.tenantId}/`)).statusCode).toBe(200)
      return { code }
    })

    // A counsellor replies in the staff app (here: as the application role, as the staff server does).
    const [thread] = await withTenant(city.tenantId, () =>
      ctx.db.select().from(inquiryThreads).where(eq(inquiryThreads.tenantId, city.tenantId)),
    )
    expect(thread).toMatchObject({ senderRole: 'family', status: 'open' })
    await withTenant(city.tenantId, () =>
      ctx.db.insert(inquiryMessages).values({
        tenantId: city.tenantId,
        threadId: thread!.id,
        author: 'staff',
        body: 'お返事です。ゆっくりで大丈夫です。',
        createdAt: new Date(clock.now().getTime() + 60_000),
      }),
    )
    clock.advance(10 * 60_000)

    await asPublic(async (app) => {
      const b = browser(app)
      await b.get(`/soudan/${city.tenantId}/return`)
      // A wrong passphrase first: the per-code throttle counts it (a column the role may update).
      const wrong = await b.post(`/soudan/${city.tenantId}/return`, {
        code: resident.code,
        passphrase: 'ちがう あいことば です',
      })
      expect(wrong.statusCode).not.toBe(303)
      expect(wrong.statusCode).toBeLessThan(500)
      const opened = await b.post(`/soudan/${city.tenantId}/return`, {
        code: resident.code,
        passphrase: GOOD_PASSPHRASE,
      })
      const page = await b.follow(opened)
      expect(page.body).toContain('お返事です。ゆっくりで大丈夫です。')
      const again = await b.follow(
        await b.post(`/soudan/${city.tenantId}/thread`, { body: 'ありがとうございます。' }),
      )
      expect(again.body).toContain('ありがとうございます。')
    })
    const messages = await withTenant(city.tenantId, () =>
      ctx.db.select().from(inquiryMessages).where(eq(inquiryMessages.threadId, thread!.id)),
    )
    expect(messages.map((m) => m.author).sort()).toEqual(['resident', 'resident', 'staff'])
  })
})

const SECRETS = { YORISOI_SESSION_SECRET: 's', YORISOI_TWO_FACTOR_KEY: 'k' }

/**
 * Against a database the staff server has not migrated (a fresh one), the public server stops
 * with a message saying so, even given an owner's URL, and leaves the database as it was.
 */
async function refusesUnmigrated(superuser: string) {
  const name = `yorisoi_empty_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: superuser })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  try {
    const url = new URL(superuser)
    url.pathname = `/${name}`
    const config = {
      ...loadPublicConfig(SECRETS),
      ...testAppConfig(),
      host: '127.0.0.1',
      publicPort: 0,
      databaseUrl: url.toString(),
      databaseMigrationUrl: url.toString(),
      dataDir: '',
    }
    await expect(startPublicServer(config, { print: () => {}, signals: false })).rejects.toThrow(
      /lacks inquiry_threads, inquiry_messages, mail_outbox, audit_log, tenants, settings, yorisoi_enqueue_staff_notices\(\): start the staff server/,
    )
    const check = new pg.Client({ connectionString: url.toString() })
    await check.connect()
    const { rows } = await check.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')",
    )
    await check.end()
    expect(rows[0].n).toBe(0)
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  }
}

describe('npm run public', () => {
  it('reads PUBLIC_PORT (default 3001) and refuses one that is not a port', () => {
    const env = SECRETS
    expect(loadPublicConfig(env).publicPort).toBe(3001)
    expect(loadPublicConfig({ ...env, PUBLIC_PORT: '8081', PORT: '8080' })).toMatchObject({
      publicPort: 8081,
      port: 8080,
    })
    expect(() => loadPublicConfig({ ...env, PUBLIC_PORT: 'http' })).toThrow(/PUBLIC_PORT/)
    expect(() => loadPublicConfig({ ...env, PUBLIC_PORT: '70000' })).toThrow(/PUBLIC_PORT/)
  })

  it('listens on its port and serves the public pages over HTTP; on PostgreSQL it never migrates', async () => {
    const printed: string[] = []
    const print = (line: string) => void printed.push(line)
    const base = { ...testAppConfig({ defaultCity: city.tenantId }), host: '127.0.0.1', publicPort: 0 }
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-public-'))
    let stores: { databaseUrl: string | undefined; databaseMigrationUrl: string | undefined; dataDir: string }
    let tenantId: string
    if (publicRole.url) {
      // Another host, the public role, and an owner URL it must not use.
      stores = { databaseUrl: publicRole.url, databaseMigrationUrl: ctx.databaseUrl, dataDir: dir }
      tenantId = city.tenantId
    } else {
      // The embedded store: a folder the staff server prepared (and has let go of).
      const store = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      await ensureCity(store.db, { id: 'otsu', name: '大津市' })
      await store.close()
      stores = { databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir }
      tenantId = 'otsu'
    }
    const config = { ...loadPublicConfig(SECRETS), ...base, ...stores, defaultCity: tenantId }
    const app = await startPublicServer(config, { print, signals: false })
    try {
      const address = app.server.address() as { port: number }
      const at = (path: string) => fetch(`http://127.0.0.1:${address.port}${path}`, { redirect: 'manual' })
      const page = await at(`/soudan/${tenantId}/`)
      expect(page.status).toBe(200)
      expect(await page.text()).toMatch(/大津市|寄添市/)
      expect((await at('/api/auth/session')).status).toBe(404)
      expect((await at('/')).headers.get('location')).toBe(`/soudan/${tenantId}/`)
      expect(printed.join('\n')).toContain(`/soudan/${tenantId}/`)
      if (publicRole.url) {
        expect(printed.join('\n')).toMatch(/DATABASE_MIGRATION_URL is not used by the public server/)
        // As the public role: no warning about what it may read.
        expect(printed.join('\n')).not.toMatch(/Warning/)
      }
    } finally {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
    if (publicRole.url) await refusesUnmigrated(process.env.TEST_DATABASE_URL!)
  })
})
