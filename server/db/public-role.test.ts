import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '#server/modules/audit/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import { enqueueStaffNotices } from '#server/platform/mail-outbox.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, type TestCity, type TestContext } from '#server/test/harness.ts'
import { runCommand } from '#server/test/run-command.ts'
import { type Db, openDatabase } from './client.ts'
import { runDb } from './db.cli.ts'
import { grantPublicRole, publicRoleWarnings } from './public-role.ts'
import { appRoleWarnings } from './roles.ts'
import {
  accountMailPreferences,
  accounts,
  inquiryMessages,
  inquiryThreads,
  mailOutbox,
} from './schema/index.ts'
import { withTenant } from './tenant-scope.ts'

// The public entry point's role (issue 11), on both backends as rls.test.ts does: on PostgreSQL
// the role is made on the test server, granted by the real command and connected to with its own
// login; PGlite has one connection, so there the separation is rehearsed with SET ROLE.
let ctx: TestContext
let a: TestCity
let b: TestCity
let publicDb: PublicRole

beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  a = await ctx.newCity('A市')
  b = await ctx.newCity('B市')
  await openCase(await a.as('window_counsellor'))
  publicDb = ctx.databaseUrl ? await postgresPublicRole(ctx.databaseUrl) : await pglitePublicRole(ctx.db)
})
afterAll(async () => {
  await publicDb?.close()
  await ctx.close()
  await publicDb?.drop()
})

interface PublicRole {
  name: string
  /** Runs `fn` as the public role within one city's scope, as a public request does. */
  inCity<T>(tenantId: string, fn: (db: Db) => Promise<T>): Promise<T>
  /** As the owner: grants it the public role's rights again. */
  regrant(extra?: string): Promise<void>
  close(): Promise<void>
  drop(): Promise<void>
}

const SUPERUSER_URL = () => process.env.TEST_DATABASE_URL!

/** A login role on the test server, granted by `npm run yorisoi -- db grant --public-role`. */
async function postgresPublicRole(appUrl: string): Promise<PublicRole> {
  const name = `yorisoi_public_${randomBytes(5).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  const admin = new pg.Client({ connectionString: SUPERUSER_URL() })
  await admin.connect()
  await admin.query(`CREATE ROLE ${name} LOGIN PASSWORD '${password}'`)
  await admin.end()
  const onTestDb = (user?: { name: string; password: string }) => {
    const url = new URL(SUPERUSER_URL())
    url.pathname = new URL(appUrl).pathname
    if (user) {
      url.username = user.name
      url.password = user.password
    }
    return url.toString()
  }
  const granted = await runGrant(['grant', '--public-role', name], {
    DATABASE_MIGRATION_URL: onTestDb(),
    DATABASE_URL: '',
  })
  expect(granted.code, granted.output).toBe(0)
  expect(granted.output).toContain(`${name}: 公開用の権限を設定しました`)
  const handle = await openDatabase({ url: onTestDb({ name, password }) })
  /** The database owner, as the migrations ran (a superuser's session that SET ROLE to it). */
  const asOwner = async (fn: (db: Db) => Promise<void>) => {
    const client = new pg.Client({ connectionString: onTestDb() })
    await client.connect()
    try {
      const { rows } = await client.query(
        'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = current_database()',
      )
      await client.query(`SET ROLE ${rows[0].owner}`)
      await fn(drizzle(client) as unknown as Db)
    } finally {
      await client.end()
    }
  }
  return {
    name,
    inCity: (tenantId, fn) => withTenant(tenantId, () => fn(handle.db)),
    regrant: (extra) =>
      asOwner(async (db) => {
        if (extra) await db.execute(sql.raw(extra.replaceAll('$ROLE', name)))
        await grantPublicRole(db, name)
      }),
    close: () => handle.close(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SUPERUSER_URL() })
      await c.connect()
      await c.query(`DROP ROLE IF EXISTS ${name}`)
      await c.end()
    },
  }
}

/**
 * The embedded store's one connection, switched between roles (the harness left it as
 * yorisoi_app, migrated by yorisoi_owner; its session user is the superuser).
 */
async function pglitePublicRole(db: Db): Promise<PublicRole> {
  const name = 'yorisoi_public'
  const asOwner = async (fn: () => Promise<void>) => {
    await db.execute(sql`SET ROLE yorisoi_owner`)
    try {
      await fn()
    } finally {
      await db.execute(sql`SET ROLE yorisoi_app`)
    }
  }
  await db.execute(sql`RESET ROLE`)
  await db.execute(sql.raw(`CREATE ROLE ${name}`))
  await asOwner(() => grantPublicRole(db, name))
  return {
    name,
    async inCity(tenantId, fn) {
      await db.execute(sql.raw(`SET ROLE ${name}`))
      await db.execute(sql`SELECT set_config('yorisoi.tenant', ${tenantId}, false)`)
      try {
        return await fn(db)
      } finally {
        await db.execute(sql`SELECT set_config('yorisoi.tenant', '*', false)`)
        await db.execute(sql`SET ROLE yorisoi_app`)
      }
    },
    regrant: (extra) =>
      asOwner(async () => {
        if (extra) await db.execute(sql.raw(extra.replaceAll('$ROLE', name)))
        await grantPublicRole(db, name)
      }),
    close: async () => {},
    drop: async () => {},
  }
}

const runGrant = (args: string[], env: Record<string, string>) => runCommand(runDb, args, env)

const failure = (q: Promise<unknown>) =>
  q.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
  )
const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows

async function insertThread(db: Db, tenantId: string) {
  const now = new Date('2026-11-24T01:00:00Z')
  const [t] = await db
    .insert(inquiryThreads)
    .values({
      tenantId,
      code: randomBytes(6).toString('hex'),
      passphraseHash: '$argon2id$x',
      senderRole: 'family',
      lang: 'ja-easy',
      awaitingSince: now,
      lastMessageAt: now,
      createdAt: now,
    })
    .returning({ id: inquiryThreads.id })
  await db
    .insert(inquiryMessages)
    .values({ tenantId, threadId: t!.id, author: 'resident', body: 'はじめまして', createdAt: now })
  return t!.id
}

describe('the public role', () => {
  it('cannot read cases, contacts, people, accounts, sessions or the audit log', async () => {
    const denied = [
      'cases',
      'case_events',
      'contacts',
      'case_people',
      'case_person_phones',
      'accounts',
      'account_tokens',
      'account_totp',
      'sessions',
      'audit_log',
      'audit_chain',
      'account_mail_preferences',
      'mail_outbox',
      'inquiry_templates',
      'meetings',
      'reviews',
      'org_units',
    ]
    const seen = await publicDb.inCity(a.tenantId, async (db) => {
      const out: [string, string][] = []
      for (const table of denied)
        out.push([table, await failure(db.execute(sql.raw(`SELECT 1 FROM ${table}`)))])
      return out
    })
    expect(seen).toEqual(denied.map((t) => [t, expect.stringMatching(/permission denied/)]))
    // Not even one column of an account.
    expect(
      await publicDb.inCity(a.tenantId, (db) => failure(db.execute(sql`SELECT id FROM accounts`))),
    ).toMatch(/permission denied/)
  })

  it('opens a thread and writes and reads its messages, in its own city only', async () => {
    const id = await publicDb.inCity(a.tenantId, (db) => insertThread(db, a.tenantId))
    const bodies = await publicDb.inCity(a.tenantId, (db) =>
      rowsOf<{ body: string }>(db, sql`SELECT body FROM inquiry_messages WHERE thread_id = ${id}`),
    )
    expect(bodies).toEqual([{ body: 'はじめまして' }])
    // City B's scope sees nothing of A, and may not write A's rows.
    expect(
      await publicDb.inCity(b.tenantId, (db) =>
        rowsOf(db, sql`SELECT id FROM inquiry_threads WHERE id = ${id}`),
      ),
    ).toEqual([])
    expect(await publicDb.inCity(b.tenantId, (db) => failure(insertThread(db, a.tenantId)))).toMatch(
      /row-level security/,
    )
  })

  it('may count wrong passphrases and mark a thread waiting or urgent, and change nothing else', async () => {
    const id = await publicDb.inCity(a.tenantId, (db) => insertThread(db, a.tenantId))
    const allowed = await publicDb.inCity(a.tenantId, (db) =>
      db.execute(sql`UPDATE inquiry_threads SET failed_attempts = failed_attempts + 1,
            locked_until = now(), awaiting_since = now(), last_message_at = now(), urgent = true,
            version = version + 1 WHERE id = ${id}`),
    )
    expect((allowed as unknown as { rowCount: number }).rowCount).toBe(1)
    // Locking the row to write again needs only those columns.
    await publicDb.inCity(a.tenantId, (db) =>
      db.transaction((tx) => tx.execute(sql`SELECT id FROM inquiry_threads WHERE id = ${id} FOR UPDATE`)),
    )
    const refused = [
      `UPDATE inquiry_threads SET status = 'closed' WHERE id = '${id}'`,
      `UPDATE inquiry_threads SET spam = false WHERE id = '${id}'`,
      `UPDATE inquiry_threads SET claimed_by = NULL WHERE id = '${id}'`,
      `UPDATE inquiry_threads SET case_id = NULL WHERE id = '${id}'`,
      `UPDATE inquiry_threads SET passphrase_hash = 'x' WHERE id = '${id}'`,
      `UPDATE inquiry_threads SET text_removed_at = now() WHERE id = '${id}'`,
      `UPDATE inquiry_messages SET body = NULL WHERE thread_id = '${id}'`,
      `DELETE FROM inquiry_messages WHERE thread_id = '${id}'`,
      `DELETE FROM inquiry_threads WHERE id = '${id}'`,
      'TRUNCATE inquiry_messages',
      `INSERT INTO inquiry_templates (tenant_id, title, body, updated_at) VALUES ('${a.tenantId}', 't', 'b', now())`,
      `UPDATE settings SET value = '[]'`,
      `INSERT INTO settings (tenant_id, key, value) VALUES ('${a.tenantId}', 'x', '1')`,
      'CREATE TABLE public.x (y int)',
    ]
    const seen = await publicDb.inCity(a.tenantId, async (db) => {
      const out: [string, string][] = []
      for (const s of refused) out.push([s, await failure(db.execute(sql.raw(s)))])
      return out
    })
    expect(seen).toEqual(refused.map((s) => [s, expect.stringMatching(/permission denied/)]))
    const [after] = await ctx.db.select().from(inquiryThreads).where(sql`id = ${id}`)
    expect([after!.status, after!.failedAttempts, after!.urgent]).toEqual(['open', 1, true])
  })

  it("queues mail and audit rows it cannot read back, and the staff's notices without seeing an address", async () => {
    const staff = await a.user('window_counsellor')
    const address = `counsellor-${randomBytes(3).toString('hex')}@city.example.jp`
    await ctx.db
      .insert(accountMailPreferences)
      .values({ tenantId: a.tenantId, accountId: staff.id, address, newInquiries: true })
    const id = await publicDb.inCity(a.tenantId, (db) => insertThread(db, a.tenantId))
    const queued = await publicDb.inCity(a.tenantId, (db) =>
      db.transaction(async (tx) => {
        const n = await enqueueStaffNotices(tx, {
          tenantId: a.tenantId,
          kind: 'staff_new_inquiry',
          threadId: id,
          now: new Date(),
        })
        await writeAnonymousAudit(
          tx,
          a.tenantId,
          new Date(),
          { loginId: null, accountId: null, clientAddress: 'public' },
          { action: 'inquiry.opened', recordType: 'inquiry_thread', recordId: id },
        )
        return n
      }),
    )
    expect(queued).toBe(1)
    const outbox = await ctx.db.select().from(mailOutbox).where(sql`thread_id = ${id}`)
    expect(outbox.map((m) => [m.kind, m.toAddress])).toEqual([['staff_new_inquiry', address]])
    // Not to another city's staff, whatever the public side asks for.
    expect(
      await publicDb.inCity(b.tenantId, (db) =>
        enqueueStaffNotices(db, {
          tenantId: a.tenantId,
          kind: 'staff_new_inquiry',
          threadId: id,
          now: new Date(),
        }),
      ),
    ).toBe(0)
    const [report] = await verifyAuditChain(ctx.db, { tenantId: a.tenantId, maxDelayMinutes: 1e9 })
    expect(report!.finding).toBeNull()
    // An account that left gets nothing.
    await ctx.db.update(accounts).set({ active: false }).where(sql`id = ${staff.id}`)
    expect(
      await publicDb.inCity(a.tenantId, (db) =>
        enqueueStaffNotices(db, {
          tenantId: a.tenantId,
          kind: 'staff_new_inquiry',
          threadId: id,
          now: new Date(),
        }),
      ),
    ).toBe(0)
  })

  it("reads the city's name and settings (window, crisis lines and words)", async () => {
    await writeSetting(ctx.db, a.tenantId, 'windowInfo', { hours: '9時〜17時', phone: '075-000-0000' })
    const [name, info] = await publicDb.inCity(a.tenantId, async (db) => [
      (await rowsOf<{ name: string }>(db, sql`SELECT name FROM tenants WHERE id = ${a.tenantId}`))[0]?.name,
      await readSetting<{ hours: string }>(db, a.tenantId, 'windowInfo'),
    ])
    expect([name, info?.hours]).toEqual(['A市', '9時〜17時'])
  })

  it('is granted exactly its rights again: what it held beyond them is taken back', async () => {
    await publicDb.regrant('GRANT SELECT ON cases, accounts TO $ROLE')
    expect(await publicDb.inCity(a.tenantId, (db) => failure(db.execute(sql`SELECT 1 FROM cases`)))).toMatch(
      /permission denied/,
    )
    expect(await publicDb.inCity(a.tenantId, (db) => publicRoleWarnings(db))).toEqual([])
  })

  it('is told apart from the application role by the public server’s start-up check', async () => {
    expect((await publicRoleWarnings(ctx.db)).join('\n')).toMatch(/--public-role NAME/)
    // And the application role is still what it was: the new function is granted to it.
    expect(await appRoleWarnings(ctx.db)).toEqual([])
  })
})

describe('npm run yorisoi -- db grant --public-role', () => {
  it('refuses what is not a role name, and the owner role itself', async () => {
    const bad = await runGrant(['grant', '--public-role', 'web; DROP TABLE cases'], { DATABASE_URL: '' })
    expect([bad.code, bad.output]).toEqual([2, expect.stringContaining('ロール名が正しくありません')])
    expect((await runGrant(['grant', '--public-role'], {})).code).toBe(2)
    expect((await runGrant(['grant', '--other-role', 'x'], {})).code).toBe(2)
    const owner = (await rowsOf<{ me: string }>(ctx.db, sql`SELECT current_user AS me`))[0]!.me
    expect(await failure(grantPublicRole(ctx.db, owner))).toMatch(/must not be the owner role/)
  })
})
