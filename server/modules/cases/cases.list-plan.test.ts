import { sql } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { limitInText, MOST_NAMED_TEXTS, runNamed } from '#server/db/prepared.ts'
import { cases } from '#server/db/schema/index.ts'
import { createTestContext, rowsOf, type TestCity, type TestContext } from '#server/test/harness.ts'
import { type CaseFilter, findCaseSummaries } from './cases.search.repository.ts'
import { scopeCondition } from './scope-condition.ts'
import { openCase } from './test-support.ts'

// The case list's SELECT runs as a named statement (prepared.ts, runNamed) whose plan PostgreSQL
// makes once and keeps (a generic plan), under row-level security as the app's own role.
let ctx: TestContext
let city: TestCity
beforeAll(async () => {
  ctx = await createTestContext({ separateRoles: true })
  city = await ctx.newCity()
  const window = await city.as('window_counsellor')
  // Odd characters in the names: they are values, bound on each call, never part of the text.
  for (const name of ['全角テスト　一', 'ゼロ幅\u200bさん', "O'Brien \\ {x}"])
    await openCase(window, { name })
})
afterAll(() => ctx.close())

const list = (db: Db, f: Partial<CaseFilter> = {}) =>
  findCaseSummaries(
    db,
    city.tenantId,
    { kind: 'window' },
    { sort: 'relevance', order: 'desc', page: 1, pageSize: 2, ...f },
  )

describe('the case list as a named statement', () => {
  it('gives the same pages, and on PostgreSQL plans the statement once and keeps that plan', async () => {
    // One transaction: one connection, whose own named statements pg_prepared_statements shows.
    await ctx.db.transaction(async (tx) => {
      const pages = []
      for (let i = 0; i < 8; i++) pages.push(await list(tx))
      for (const page of pages) {
        expect(page.total).toBe(3)
        expect(page.rows.map((r) => r.row.caseNo)).toEqual(pages[0]!.rows.map((r) => r.row.caseNo))
        expect(page.nextCursor).not.toBeNull()
      }
      const second = await list(tx, { page: 2 })
      expect(second.rows).toHaveLength(1)
      expect(new Set([...pages[0]!.rows, ...second.rows].map((r) => r.row.name))).toEqual(
        new Set(['全角テスト　一', 'ゼロ幅\u200bさん', "O'Brien \\ {x}"]),
      )
      if (ctx.databaseUrl === undefined) return
      const kept = await rowsOf(
        tx,
        sql`select generic_plans::int as generic, custom_plans::int as custom, statement
            from pg_prepared_statements where name like 'yorisoi_text_%' and statement not like '%offset%'`,
      )
      expect(kept).toHaveLength(1)
      // PostgreSQL plans for the values five times, then compares: from then on the kept plan.
      expect(kept[0]!.generic).toBeGreaterThanOrEqual(3)
      expect(kept[0]!.statement).not.toContain(city.tenantId)
      // Its row count (pageSize 2, and one more to know whether a next page exists) is in the text.
      expect(kept[0]!.statement).toMatch(/ limit 3$/u)
    })
  })
})

describe('the window’s scope condition', () => {
  it('is written into the text, so that the planner knows how many cases it holds in a plan kept for all values', () => {
    const { sql: text, params } = new PgDialect().sqlToQuery(scopeCondition({ kind: 'window' }))
    expect(text).toBe(`"cases"."intake_unit" = 'window'`)
    expect(params).toEqual([])
  })
})

describe('runNamed', () => {
  const fake = (text: string) => {
    const calls: (string | null)[] = []
    return {
      calls,
      query: {
        toSQL: () => ({ sql: text }),
        prepare: (name: string) => ({ execute: async () => calls.push(name) }),
        execute: async () => calls.push(null),
      },
    }
  }

  it('names a text the same way each time, and another text another way', async () => {
    const a = fake('select 1 -- a')
    const b = fake('select 1 -- b')
    await runNamed(a.query)
    await runNamed(a.query)
    await runNamed(b.query)
    expect(a.calls[0]).toMatch(/^yorisoi_text_[0-9a-f]{24}$/u)
    expect(a.calls[1]).toBe(a.calls[0])
    expect(b.calls[0]).toMatch(/^yorisoi_text_/u)
    expect(b.calls[0]).not.toBe(a.calls[0])
  })

  it('runs texts past the most it names unnamed', async () => {
    const seen: (string | null)[] = []
    for (let i = 0; i < MOST_NAMED_TEXTS + 5; i++) {
      const f = fake(`select ${i} -- many`)
      await runNamed(f.query)
      seen.push(f.calls[0]!)
    }
    expect(seen.filter((n) => n === null).length).toBeGreaterThanOrEqual(5)
    // A text named before the cap is still named.
    const again = fake('select 1 -- a')
    await runNamed(again.query)
    expect(again.calls[0]).toMatch(/^yorisoi_text_/u)
  })
})

describe('limitInText', () => {
  it('writes a row count into the text and refuses anything else', () => {
    expect(() => limitInText(-1)).toThrow(RangeError)
    expect(() => limitInText(1.5)).toThrow(RangeError)
    expect(() => limitInText(Number.NaN)).toThrow(RangeError)
    const built = ctx.db.select({ id: cases.id }).from(cases).limit(limitInText(51)).toSQL()
    expect(built.sql).toMatch(/ limit 51$/u)
    expect(built.params).toEqual([])
  })
})
