import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '#server/modules/audit/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import { enqueueStaffNotices } from '#server/platform/mail-outbox.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import { createTestContext, rowsOf, type TestCity, type TestContext } from '#server/test/harness.ts'
import { createPublicRole, type PublicRole, runDbCommand } from '#server/test/public-role.ts'
import type { Db } from './client.ts'
import { grantPublicRole, publicRoleWarnings } from './public-role.ts'
import { appRoleWarnings } from './roles.ts'
import {
  accountMailPreferences,
  accounts,
  inquiryMessages,
  inquiryThreads,
  mailOutbox,
} from './schema/index.ts'

// The public entry point's role (issue 11), on both backends as rls.test.ts does (see
// server/test/public-role.ts: on PostgreSQL its own login, granted by the command; on PGlite SET ROLE).
let ctx: TestContext
let a: TestCity
let b: TestCity
let publicDb: PublicRole

beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  a = await ctx.newCity('A市')
  b = await ctx.newCity('B市')
  await openCase(await a.as('window_counsellor'))
  publicDb = await createPublicRole(ctx)
})
afterAll(async () => {
  await publicDb?.close()
  await ctx.close()
  await publicDb?.drop()
})

const failure = (q: Promise<unknown>) =>
  q.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
  )
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
      'report_finding_edits',
      'report_verifications',
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
    const bad = await runDbCommand(['grant', '--public-role', 'web; DROP TABLE cases'], { DATABASE_URL: '' })
    expect([bad.code, bad.output]).toEqual([2, expect.stringContaining('ロール名が正しくありません')])
    expect((await runDbCommand(['grant', '--public-role'], {})).code).toBe(2)
    expect((await runDbCommand(['grant', '--other-role', 'x'], {})).code).toBe(2)
    const owner = (await rowsOf<{ me: string }>(ctx.db, sql`SELECT current_user AS me`))[0]!.me
    expect(await failure(grantPublicRole(ctx.db, owner))).toMatch(/must not be the owner role/)
  })
})
