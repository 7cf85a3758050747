// Issue 15 (the embedded store stays responsive) and issue 8 (other users during an import): on
// PGlite, one connection, a ledger import used to hold one transaction from its first read of the
// store to its commit, and every other user's statement queued behind it. These tests count
// answers, not milliseconds: another user's query sent after the import has begun reading the
// store is answered before the import's rows appear, and never sees a part of them.
import { setImmediate } from 'node:timers/promises'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { generateLedger } from '../../../bench/generate-ledger.ts'
import { importDir, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const CASES = 600

/** Runs `fn` while noting whether the import has begun a transaction (its first read of the store). */
async function watchingTransactions<T>(db: Db, fn: (begun: () => boolean) => Promise<T>): Promise<T> {
  const transaction = db.transaction
  let begun = false
  db.transaction = ((...args: Parameters<Db['transaction']>) => {
    begun = true
    return transaction.apply(db, args)
  }) as Db['transaction']
  try {
    return await fn(() => begun)
  } finally {
    db.transaction = transaction
  }
}

/** Temporary tables an import staged its rows in and left behind. */
async function stagingLeft(db: Db): Promise<number> {
  const res = (await db.execute(
    sql`select count(*)::int as n from pg_tables where tablename like 'import_stage%'`,
  )) as unknown as { rows: { n: number }[] }
  return res.rows[0]!.n
}

describe('an import and other users', () => {
  it("answers another user's queries while the ledger is checked and written, and shows it whole or not at all", async () => {
    const city = await ctx.newCity()
    const other = await ctx.newCity()
    const ledger = generateLedger(tempDir(), 11, {
      cases: CASES,
      contacts: 3000,
      meetings: 100,
      reviews: 300,
    })
    const db = ctx.db
    /** The importing city's cases each answer saw, for queries sent once the import had begun. */
    const seen: number[] = []
    const result = await watchingTransactions(db, async (begun) => {
      let importing = true
      // Another city's counsellor: one query after another, each also counting the importing
      // city's cases (what the import has made visible so far).
      const user = (async () => {
        while (importing) {
          // Each query comes as a request does, from a socket: in a turn of the event loop of
          // its own (a loop of promises alone would never let the import's turns come).
          await setImmediate()
          const sentAfterBegin = begun()
          const res = (await db.execute(
            sql`select (select count(*)::int from cases where tenant_id = ${other.tenantId}) as mine,
                       (select count(*)::int from cases where tenant_id = ${city.tenantId}) as imported`,
          )) as unknown as { rows: { mine: number; imported: number }[] }
          if (sentAfterBegin && importing) seen.push(res.rows[0]!.imported)
        }
      })()
      try {
        return await importDir(db, city.tenantId, ledger.paths)
      } finally {
        importing = false
        await user
      }
    })
    expect(result.errors).toEqual([])
    expect(result.counts.cases).toEqual({ added: CASES, updated: 0 })
    // Answered while the import was under way, before its rows appeared: it did not hold the
    // store from its first read to its commit.
    expect(seen.filter((n) => n === 0).length).toBeGreaterThan(0)
    // All or nothing: no answer saw part of the ledger.
    expect(seen.every((n) => n === 0 || n === CASES)).toBe(true)
    expect(await stagingLeft(db)).toBe(0)
  }, 120_000)

  it('a ledger with an error in a later sheet writes nothing and leaves no staged rows behind', async () => {
    const city = await ctx.newCity()
    const before = await storedCounts(ctx.db, city.tenantId)
    const dir = tempDir()
    const cases = Array.from({ length: 1500 }, (_, i) => [`C-${i + 1}`, '2021-04-05', 'window', 'self'])
    writeCsv(dir, 'cases', [['case_id', 'opened_on', 'intake_unit', 'first_consulter'], ...cases])
    writeCsv(dir, 'contacts', [
      ['case_id', 'contacted_on', 'method', 'counterpart'],
      ['C-1', '2021-04-06', 'phone', 'self'],
      ['C-9999', '2021-04-06', 'phone', 'self'],
    ])
    const result = await importDir(ctx.db, city.tenantId, [dir])
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([expect.objectContaining({ sheet: 'contacts', row: 3, column: 'case_id' })])
    expect(await storedCounts(ctx.db, city.tenantId)).toEqual(before)
    expect(await stagingLeft(ctx.db)).toBe(0)
  })
})
