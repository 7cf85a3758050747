import { and, count, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { LAST_SEEN_EVERY_MS } from './session-state.ts'
import { DbSessionStore } from './session-store.ts'

let ctx: TestContext
/** The store's writes as the app asks for them (before the upsert's own guard). */
const storeWrites = vi.spyOn(DbSessionStore.prototype, 'set')
beforeAll(async () => {
  // The owner's connection (not the app role's), to add a test-only trigger.
  ctx = await createTestContext({ separateRoles: false })
  // Counts the writes to each session row (a test-only trigger): inserts and updates alike.
  await ctx.db.execute(sql`CREATE TABLE test_session_writes (account_id uuid, op text)`)
  await ctx.db.execute(
    sql.raw(`CREATE FUNCTION test_count_session_write() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_session_writes VALUES (NEW.account_id, TG_OP); RETURN NEW; END $$`),
  )
  await ctx.db.execute(
    sql`CREATE TRIGGER test_count_session_write AFTER INSERT OR UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION test_count_session_write()`,
  )
})
afterAll(() => ctx.close())

/** The stored row of a signed-in session (one per account in these tests). */
async function storedRow(s: Session): Promise<{ lastSeen: number; expiresAt: string }> {
  const result = (await ctx.db.execute(
    sql`SELECT (data->>'lastSeen')::bigint AS seen, expires_at::text AS expires FROM sessions WHERE account_id = ${s.user.id}`,
  )) as unknown as { rows: { seen: string | number; expires: string }[] }
  expect(result.rows).toHaveLength(1)
  return { lastSeen: Number(result.rows[0]!.seen), expiresAt: result.rows[0]!.expires }
}

async function sessionWrites(s: Session): Promise<number> {
  const result = (await ctx.db.execute(
    sql`SELECT count(*)::int AS n FROM test_session_writes WHERE account_id = ${s.user.id}`,
  )) as unknown as { rows: { n: number }[] }
  return Number(result.rows[0]!.n)
}

async function auditRows(s: Session, action: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, s.user.tenantId),
        eq(auditLog.actorId, s.user.id),
        eq(auditLog.action, action),
      ),
    )
  return row!.n
}

describe('a signed-in read writes its session row at most once a minute', () => {
  it('writes the row once for twenty GETs within a minute, keeps one audit row each, and again after a minute', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    // A minute and more after the login's write: the first read records itself.
    ctx.clock.advance(2 * 60_000)
    const writesBefore = await sessionWrites(s)
    const asked = storeWrites.mock.calls.length
    const auditBefore = await auditRows(s, 'case.list')
    for (let i = 0; i < 20; i += 1) {
      expect((await s.get('/api/cases')).statusCode).toBe(200)
      ctx.clock.advance(2_000)
    }
    // Twenty reads spread over 40 seconds: one write, holding the first read's time.
    expect(await sessionWrites(s)).toBe(writesBefore + 1)
    expect(storeWrites.mock.calls.length).toBe(asked + 1)
    const afterBurst = await storedRow(s)
    expect(afterBurst.lastSeen).toBe(ctx.clock.now().getTime() - 20 * 2_000)
    expect(await auditRows(s, 'case.list')).toBe(auditBefore + 20)
    // A minute after the recorded read, the next GET records itself again.
    ctx.clock.advance(LAST_SEEN_EVERY_MS)
    expect((await s.get('/api/cases')).statusCode).toBe(200)
    const later = await storedRow(s)
    expect(await sessionWrites(s)).toBe(writesBefore + 2)
    expect(later.lastSeen).toBe(ctx.clock.now().getTime())
  })

  it('writes the row once for fifty GETs sent together', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    ctx.clock.advance(5 * 60_000)
    const writesBefore = await sessionWrites(s)
    const answers = await Promise.all(Array.from({ length: 50 }, () => s.get('/api/cases')))
    expect(answers.every((a) => a.statusCode === 200)).toBe(true)
    // All fifty loaded the same minute-old lastSeen and marked it; the upsert wrote the first only.
    expect(await sessionWrites(s)).toBe(writesBefore + 1)
    expect((await storedRow(s)).lastSeen).toBe(ctx.clock.now().getTime())
  })

  it('GET /api/auth/session also writes at most once a minute', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    ctx.clock.advance(90_000)
    expect((await s.get('/api/auth/session')).json().account).not.toBeNull()
    const first = await storedRow(s)
    const writes = await sessionWrites(s)
    expect(first.lastSeen).toBe(ctx.clock.now().getTime())
    ctx.clock.advance(30_000)
    expect((await s.get('/api/auth/session')).json().account).not.toBeNull()
    expect(await storedRow(s)).toEqual(first)
    expect(await sessionWrites(s)).toBe(writes)
  })
})

describe('the idle timeout with lastSeen written once a minute', () => {
  it('ends a session 30 minutes after the last recorded read, and not while reads keep coming', async () => {
    const city = await ctx.newCity()
    const s = await city.as('window_counsellor')
    // Reads every 50 seconds for an hour: each minute-old lastSeen is renewed, the session stays.
    for (let i = 0; i < 72; i += 1) {
      ctx.clock.advance(50_000)
      expect((await s.get('/api/cases')).statusCode).toBe(200)
    }
    const { lastSeen } = await storedRow(s)
    // Up to 30 minutes after the recorded read the session holds; past that it has ended.
    ctx.clock.set(new Date(lastSeen + 30 * 60_000))
    expect((await s.get('/api/cases')).statusCode).toBe(200)
    const renewed = (await storedRow(s)).lastSeen
    expect(renewed).toBe(lastSeen + 30 * 60_000)
    ctx.clock.set(new Date(renewed + 30 * 60_000 + 1))
    const res = await s.get('/api/cases')
    expect(res.statusCode).toBe(401)
    expect(res.json().type).toBe('urn:yorisoi:problem:session_expired')
  })
})
