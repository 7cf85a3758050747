import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '#server/db/client.ts'
import { auditChain, auditLog } from '#server/db/schema/index.ts'
import { openCase } from '#server/modules/cases/test-support.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { verifyAuditChain } from './verify-chain.ts'

let ctx: TestContext
beforeAll(async () => {
  // Tampering needs the owner's (superuser's) rights: no role separation here.
  ctx = await createTestContext({ separateRoles: false })
})
afterAll(() => ctx.close())

// The test clock stands still on 2026-11-24 while the database's clock runs on: the check of
// backdated rows is tested on its own, with real times.
const NO_DELAY_CHECK = { maxDelayMinutes: 1e9 }

async function verify(tenantId: string, options = NO_DELAY_CHECK) {
  const [report] = await verifyAuditChain(ctx.db, { tenantId, ...options })
  return report!
}

/**
 * Tampers as the superuser would (the owner role, or anyone on the embedded store) with the
 * tables' own triggers switched off, and switches them on again.
 */
async function tamper(fn: (db: Db) => Promise<unknown>) {
  await ctx.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`)
  await ctx.db.execute(sql`ALTER TABLE audit_chain DISABLE TRIGGER USER`)
  try {
    await fn(ctx.db)
  } finally {
    await ctx.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`)
    await ctx.db.execute(sql`ALTER TABLE audit_chain ENABLE TRIGGER USER`)
  }
}

async function links(tenantId: string) {
  return ctx.db.select().from(auditChain).where(eq(auditChain.tenantId, tenantId)).orderBy(auditChain.seq)
}

/** A city with a dozen audit rows: logins, a case opened and read. */
async function auditedCity() {
  const city = await ctx.newCity()
  const window = await city.as('window_counsellor')
  const c = await openCase(window, { name: '改ざん 検出', kana: 'かいざん けんしゅつ' })
  for (let i = 0; i < 8; i++) expect((await window.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
  const chain = await links(city.tenantId)
  expect(chain.length).toBeGreaterThanOrEqual(10)
  expect((await verify(city.tenantId)).finding).toBeNull()
  return { city, chain }
}

describe('the audit hash chain', () => {
  it('links every row of a city once, in one line, under many concurrent audited requests', async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity()
    const sessions = [
      await city.as('window_counsellor'),
      await city.as('window_counsellor'),
      await city.as('window_counsellor'),
      await other.as('window_counsellor'),
    ]
    const c = await openCase(sessions[0]!)
    const requests = Array.from({ length: 120 }, (_, i) => {
      const s = sessions[i % sessions.length]!
      return i % 2 === 0 && i % 4 !== 3 ? s.get(`/api/cases/${c.id}`) : s.get('/api/cases')
    })
    const statuses = (await Promise.all(requests)).map((r) => r.statusCode)
    expect(statuses.filter((s) => s !== 200)).toEqual([])
    for (const tenantId of [city.tenantId, other.tenantId]) {
      const report = await verify(tenantId)
      const [rows] = await ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.tenantId, tenantId))
      expect(report.finding).toBeNull()
      expect(report.links).toBe(rows!.n)
      expect(report.head?.seq).toBe(rows!.n)
    }
    const [cityRows] = await ctx.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.tenantId, city.tenantId))
    expect(cityRows!.n).toBeGreaterThan(120 * 0.75)
  })

  it('holds for Japanese text, emoji, zero-width and full-width characters and nested details', async () => {
    const city = await ctx.newCity()
    const actor = await city.user('admin')
    await writeAudit(
      ctx.db,
      {
        tenantId: city.tenantId,
        accountId: actor.id,
        loginId: 'ｆｕｌｌ\u200bwidth',
        name: '',
        role: 'admin',
        unitId: actor.id,
        unitKind: 'headquarters',
        unitName: '',
        wardCode: null,
        cityName: '',
        clientAddress: '::1',
      },
      new Date('2026-11-24T01:02:03.456Z'),
      {
        action: 'test.詳細',
        recordType: '記録😀',
        recordId: '𠮷野家|~3:',
        detail: { b: [1, 2.5, null, true], aa: { é: '\u200d', z: 'a"b\\c\n' }, n: 1e21 },
      },
    )
    expect((await verify(city.tenantId)).finding).toBeNull()
  })

  it('finds a changed field at its row', async () => {
    const { city, chain } = await auditedCity()
    const target = chain[4]!
    await tamper((db) =>
      db
        .update(auditLog)
        .set({ clientAddress: '203.0.113.9' })
        .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.id, target.auditId))),
    )
    expect((await verify(city.tenantId)).finding).toEqual({
      fault: 'changed',
      seq: target.seq,
      auditId: target.auditId,
    })
  })

  it('finds a changed detail and a changed time', async () => {
    const { city, chain } = await auditedCity()
    await tamper((db) =>
      db.execute(
        sql`UPDATE audit_log SET at = at - interval '1 microsecond'
            WHERE tenant_id = ${city.tenantId} AND id = ${chain[7]!.auditId}`,
      ),
    )
    expect((await verify(city.tenantId)).finding).toMatchObject({ fault: 'changed', seq: chain[7]!.seq })
    await tamper((db) =>
      db.execute(
        sql`UPDATE audit_log SET detail = '{"x": 1}'::jsonb
            WHERE tenant_id = ${city.tenantId} AND id = ${chain[2]!.auditId}`,
      ),
    )
    expect((await verify(city.tenantId)).finding).toMatchObject({ fault: 'changed', seq: chain[2]!.seq })
  })

  it('finds a deleted row, and a deleted row together with its link', async () => {
    const { city, chain } = await auditedCity()
    await tamper((db) =>
      db
        .delete(auditLog)
        .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.id, chain[6]!.auditId))),
    )
    expect((await verify(city.tenantId)).finding).toEqual({
      fault: 'removed',
      seq: chain[6]!.seq,
      auditId: chain[6]!.auditId,
    })
    await tamper((db) =>
      db
        .delete(auditChain)
        .where(and(eq(auditChain.tenantId, city.tenantId), eq(auditChain.seq, chain[6]!.seq))),
    )
    expect((await verify(city.tenantId)).finding).toEqual({
      fault: 'link_missing',
      seq: chain[6]!.seq,
      auditId: null,
    })
  })

  it('finds a forged row inserted in the middle, with or without a link of its own', async () => {
    const { city, chain } = await auditedCity()
    // A row backdated into the past of the log, past the trigger: it has no link.
    await tamper((db) =>
      db.execute(
        sql`INSERT INTO audit_log (tenant_id, id, at, action, record_type, record_id)
            OVERRIDING SYSTEM VALUE
            VALUES (${city.tenantId}, ${chain[3]!.auditId} + 1000000000, '2026-11-01T00:00:00Z', 'case.read', 'case', 'x')`,
      ),
    )
    expect((await verify(city.tenantId)).finding).toEqual({
      fault: 'unchained',
      seq: null,
      auditId: chain[3]!.auditId + 1_000_000_000,
    })
    // Now give it a link in the middle: the links after it are renumbered.
    await tamper(async (db) => {
      await db.execute(
        sql`UPDATE audit_chain SET seq = seq + 1000 WHERE tenant_id = ${city.tenantId} AND seq > 3`,
      )
      await db.execute(
        sql`INSERT INTO audit_chain (tenant_id, seq, audit_id, chained_at, prev_hash, hash)
            SELECT tenant_id, 4, ${chain[3]!.auditId} + 1000000000, chained_at, hash, repeat('a', 64)
            FROM audit_chain WHERE tenant_id = ${city.tenantId} AND seq = 3`,
      )
      await db.execute(
        sql`UPDATE audit_chain SET seq = seq - 999 WHERE tenant_id = ${city.tenantId} AND seq > 1000`,
      )
    })
    expect((await verify(city.tenantId)).finding).toEqual({
      fault: 'changed',
      seq: 4,
      auditId: chain[3]!.auditId + 1_000_000_000,
    })
  })

  it('finds a row appended at the end without the right hash', async () => {
    const { city, chain } = await auditedCity()
    const head = chain.at(-1)!
    await tamper(async (db) => {
      await db.execute(
        sql`INSERT INTO audit_log (tenant_id, at, action) VALUES (${city.tenantId}, now(), 'case.list')`,
      )
      const [row] = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.tenantId, city.tenantId))
        .orderBy(desc(auditLog.id))
        .limit(1)
      await db.insert(auditChain).values({
        tenantId: city.tenantId,
        seq: head.seq + 1,
        auditId: row!.id,
        chainedAt: new Date(),
        prevHash: head.hash,
        hash: 'f'.repeat(64),
      })
    })
    expect((await verify(city.tenantId)).finding).toMatchObject({ fault: 'changed', seq: head.seq + 1 })
  })

  it('shows a chain cut short, or recomputed, against a head kept elsewhere (an anchor)', async () => {
    const { city, chain } = await auditedCity()
    const head = chain.at(-1)!
    const anchor = { tenantId: city.tenantId, seq: head.seq, hash: head.hash }
    // The last row and its link removed together: the chain alone still holds…
    await tamper(async (db) => {
      await db
        .delete(auditChain)
        .where(and(eq(auditChain.tenantId, city.tenantId), eq(auditChain.seq, head.seq)))
      await db
        .delete(auditLog)
        .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.id, head.auditId)))
    })
    expect((await verify(city.tenantId)).finding).toBeNull()
    // …but not against the head printed before.
    const [report] = await verifyAuditChain(ctx.db, {
      tenantId: city.tenantId,
      ...NO_DELAY_CHECK,
      anchors: [anchor],
    })
    expect(report!.finding).toEqual({ fault: 'rewritten', seq: head.seq, auditId: null })
    const earlier = chain.at(-3)!
    const wrong = { tenantId: city.tenantId, seq: earlier.seq, hash: 'e'.repeat(64) }
    const [other] = await verifyAuditChain(ctx.db, {
      tenantId: city.tenantId,
      ...NO_DELAY_CHECK,
      anchors: [wrong],
    })
    expect(other!.finding).toEqual({ fault: 'rewritten', seq: earlier.seq, auditId: earlier.auditId })
  })

  it('finds a link that does not continue the chain', async () => {
    const { city, chain } = await auditedCity()
    await tamper((db) =>
      db.execute(
        sql`UPDATE audit_chain SET prev_hash = repeat('0', 64) WHERE tenant_id = ${city.tenantId} AND seq = ${chain[5]!.seq}`,
      ),
    )
    expect((await verify(city.tenantId)).finding).toMatchObject({ fault: 'link_forged', seq: chain[5]!.seq })
  })

  it('finds a row inserted with an earlier time than it was written (triggers on)', async () => {
    const city = await ctx.newCity()
    const now = Date.now()
    const insert = (at: Date) =>
      ctx.db.insert(auditLog).values({ tenantId: city.tenantId, at, action: 'case.list' })
    await insert(new Date(now))
    await insert(new Date(now - 10 * 60_000))
    expect((await verifyAuditChain(ctx.db, { tenantId: city.tenantId }))[0]!.finding).toBeNull()
    await insert(new Date(now - 3 * 3600_000))
    const [report] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId })
    expect(report!.finding).toMatchObject({ fault: 'backdated', seq: 3 })
    const [lenient] = await verifyAuditChain(ctx.db, { tenantId: city.tenantId, maxDelayMinutes: 240 })
    expect(lenient!.finding).toBeNull()
  })

  it('cannot be changed through the tables while their triggers are on', async () => {
    const { city } = await auditedCity()
    const failure = (q: Promise<unknown>) =>
      q.then(
        () => 'no error',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      )
    const t = city.tenantId
    expect(
      await failure(ctx.db.execute(sql`UPDATE audit_chain SET hash = 'x' WHERE tenant_id = ${t}`)),
    ).toMatch(/audit_chain is append-only/)
    expect(await failure(ctx.db.execute(sql`DELETE FROM audit_chain WHERE tenant_id = ${t}`))).toMatch(
      /append-only/,
    )
    expect(await failure(ctx.db.execute(sql`TRUNCATE audit_chain`))).toMatch(/append-only/)
    expect(await failure(ctx.db.execute(sql`TRUNCATE audit_log`))).toMatch(/append-only/)
    expect((await verify(t)).finding).toBeNull()
  })
})

describe('the migration that starts the chain', () => {
  it('links the rows an existing log already holds, in their order, chained at their own time', async () => {
    const all = join(fileURLToPath(new URL('../../db/migrations', import.meta.url)))
    const journal = JSON.parse(readFileSync(join(all, 'meta/_journal.json'), 'utf8'))
    const before = mkdtempSync(join(tmpdir(), 'yorisoi-migrations-'))
    cpSync(all, before, { recursive: true })
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_audit_chain_trigger'))
    writeFileSync(
      join(before, 'meta/_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
    )
    const handle = await openDatabase({})
    try {
      const db = handle.db as unknown as PgliteDatabase
      await migrate(db, { migrationsFolder: before })
      for (const [tenantId, minutes] of [
        ['a', 3],
        ['b', 2],
        ['a', 1],
      ] as const) {
        await handle.db.insert(auditLog).values({
          tenantId,
          at: new Date(Date.UTC(2025, 0, 1, 0, minutes)),
          action: 'case.read',
          detail: { fields: ['名前'] },
        })
      }
      await migrate(db, { migrationsFolder: all })
      const chained = await handle.db.select().from(auditChain).orderBy(auditChain.tenantId, auditChain.seq)
      expect(chained.map((l) => [l.tenantId, l.seq, l.auditId, l.chainedAt.toISOString()])).toEqual([
        ['a', 1, 1, '2025-01-01T00:03:00.000Z'],
        ['a', 2, 3, '2025-01-01T00:01:00.000Z'],
        ['b', 1, 2, '2025-01-01T00:02:00.000Z'],
      ])
      const reports = await verifyAuditChain(handle.db)
      expect(reports.map((r) => [r.tenantId, r.links, r.finding])).toEqual([
        ['a', 2, null],
        ['b', 1, null],
      ])
    } finally {
      await handle.close()
      rmSync(before, { recursive: true, force: true })
    }
  })
})
