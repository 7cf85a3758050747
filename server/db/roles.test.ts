import { count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '#server/modules/audit/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { openStore } from './open-store.ts'
import { appRoleWarnings } from './roles.ts'
import { auditChain, auditLog } from './schema/index.ts'

// The application runs as a role that may only read and append the audit log; an owner role
// migrated the database (issue 8: the app's own role had disabled the trigger and rewritten rows).
let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
})
afterAll(() => ctx.close())

const failure = (q: Promise<unknown>) =>
  q.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
  )

describe('the application role', () => {
  it('runs the product: sign-in, cases, contacts, the audit log and its chain', async () => {
    const city = await ctx.newCity()
    const window = await city.as('window_counsellor')
    const c = await openCase(window)
    expect((await window.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    const contact = await window.post(`/api/cases/${c.id}/contacts`, {
      contactedOn: '2026-11-20',
      time: '14:05',
      method: 'phone',
      counterpart: 'family',
    })
    expect(contact.statusCode, contact.body).toBe(201)
    expect((await window.get('/api/cases')).json().total).toBe(1)
    const admin = await city.as('admin')
    const log = await admin.get('/api/audit')
    expect(log.statusCode).toBe(200)
    expect(log.json().total).toBeGreaterThanOrEqual(5)
    const [report] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId, maxDelayMinutes: 1e9 })
    expect(report!.finding).toBeNull()
    expect(report!.links).toBeGreaterThanOrEqual(5)
    expect(await appRoleWarnings(ctx.db)).toEqual([])
  })

  it('may not disable, drop or replace the triggers, nor change, remove or truncate audit rows', async () => {
    const city = await ctx.newCity()
    await city.as('window_counsellor')
    const [before] = await ctx.db.select({ n: count() }).from(auditLog)
    const attacks: [string, RegExp][] = [
      ['ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/],
      ['ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete', /must be owner/],
      ['ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain', /must be owner/],
      ['DROP TRIGGER audit_log_no_update_delete ON audit_log', /must be owner/],
      ["UPDATE audit_log SET action = 'x'", /permission denied/],
      ['DELETE FROM audit_log', /permission denied/],
      ['TRUNCATE audit_log', /permission denied/],
      ['DROP FUNCTION audit_log_append_only() CASCADE', /must be owner/],
      [
        'CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql',
        /must be owner|permission denied/,
      ],
      [
        'CREATE OR REPLACE FUNCTION audit_chain_append() RETURNS trigger AS $$ BEGIN RETURN NULL; END $$ LANGUAGE plpgsql',
        /must be owner|permission denied/,
      ],
      ['DROP FUNCTION audit_chain_append() CASCADE', /must be owner/],
      [
        "INSERT INTO audit_chain VALUES ('x', 1, 1, now(), repeat('0', 64), repeat('0', 64))",
        /permission denied/,
      ],
      ["UPDATE audit_chain SET hash = 'x'", /permission denied/],
      ['DELETE FROM audit_chain', /permission denied/],
      ['TRUNCATE audit_chain', /permission denied/],
      ['DROP TABLE audit_log', /must be owner/],
      ['ALTER TABLE cases ADD COLUMN x text', /must be owner/],
      ['CREATE TABLE public.audit_log_copy (x int)', /permission denied/],
      ['SET session_replication_role = replica', /permission denied/],
    ]
    for (const [statement, refused] of attacks) {
      expect([statement, await failure(ctx.db.execute(sql.raw(statement)))]).toEqual([
        statement,
        expect.stringMatching(refused),
      ])
    }
    const [after] = await ctx.db.select({ n: count() }).from(auditLog)
    expect(after!.n).toBe(before!.n)
    const [report] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId, maxDelayMinutes: 1e9 })
    expect(report!.finding).toBeNull()
  })

  it('cannot migrate: without DATABASE_MIGRATION_URL the start says what to set', async () => {
    if (!ctx.databaseUrl) {
      // The embedded store has one user, who always migrates; rehearsed here as the app role.
      expect(await failure(ctx.db.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle_x`))).toMatch(
        /permission denied/,
      )
      return
    }
    const config = { databaseUrl: ctx.databaseUrl, databaseMigrationUrl: undefined, dataDir: '' }
    expect(await failure(openStore(config, () => {}))).toMatch(
      /^DATABASE_URL のロールには.*set DATABASE_MIGRATION_URL/,
    )
  })

  it('may append audit rows, which the database chains at the end: a backdated one shows', async () => {
    const city = await ctx.newCity()
    const now = Date.now()
    await ctx.db.insert(auditLog).values({ tenantId: city.tenantId, at: new Date(now), action: 'case.list' })
    // Claiming an id and a time in the past of the log.
    await ctx.db.execute(
      sql`INSERT INTO audit_log (tenant_id, id, at, action) OVERRIDING SYSTEM VALUE
          VALUES (${city.tenantId}, 900000000, ${new Date(now - 86_400_000).toISOString()}, 'case.read')`,
    )
    const chain = await ctx.db.select().from(auditChain).where(eq(auditChain.tenantId, city.tenantId))
    expect(chain.map((l) => [l.seq, l.auditId]).at(-1)).toEqual([2, 900000000])
    const [report] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId })
    expect(report!.finding).toEqual({ fault: 'backdated', seq: 2, auditId: 900000000 })
  })
})

describe('an owner role running the server', () => {
  it('is warned about at start (PostgreSQL without DATABASE_MIGRATION_URL)', async () => {
    const owner = await createTestContext({ separateRoles: false })
    try {
      expect((await appRoleWarnings(owner.db)).join('\n')).toMatch(/DATABASE_MIGRATION_URL/)
      if (owner.databaseUrl) {
        const printed: string[] = []
        const config = { databaseUrl: owner.databaseUrl, databaseMigrationUrl: undefined, dataDir: '' }
        const store = await openStore(config, (line) => printed.push(line))
        await store.close()
        expect(printed.join('\n')).toMatch(/not tamper-evident against it\. Set DATABASE_MIGRATION_URL/)
      }
    } finally {
      await owner.close()
    }
  })
})
