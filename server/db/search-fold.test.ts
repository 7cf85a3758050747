import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'

// Migration 0010 replaced search_fold and search_grams with faster versions. The stored fold
// columns and the GIN indexes were built by 0008's versions, so the new ones must give the same
// results for every input: compared here with 0008's own definitions, renamed.

let ctx: TestContext
let oldDefinitions: string[]
beforeAll(async () => {
  ctx = await createTestContext()
  // In pg_temp, within the test's own transaction: the application role may not create functions
  // in public, and temporary ones live on one connection only.
  const v8 = readFileSync(new URL('./migrations/0008_search_fold.sql', import.meta.url), 'utf8')
  oldDefinitions = v8
    .split('--> statement-breakpoint')
    .filter((statement) => /CREATE FUNCTION search_(fold|grams)\(/.test(statement))
    .map((statement) =>
      statement.replace(/CREATE FUNCTION search_(fold|grams)\(/, 'CREATE FUNCTION pg_temp.old_search_$1('),
    )
})
afterAll(() => ctx.close())

/** PGlite and node-postgres both answer execute() with { rows }. */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows

const SAMPLES = [
  '加藤 直樹',
  'かとう　なおき',
  'ｶﾄｳ ﾅｵｷ',
  'ｺﾞﾄｳ',
  'ジョーン・ズ',
  '髙橋﨑子',
  '𠮷田',
  'Sachiko.K@Example.jp',
  'ＳＡＣＨＩＫＯ.Ｋ',
  '2026-00012',
  ' a b ',
  '',
  'ー・',
  '加藤\u200b直樹',
  'a\tb\nc\rd',
  'ﾞﾟ',
  'ｶﾞ',
  'ヴァ',
  '㌔',
  '①',
  '髙﨑嵜碕邊邉齋齊斎澤濱濵德廣國圀實眞藏櫻龍嶋嶌籠槇冨桒舘惠榮壽萬彌兒曾淵瀨條檜鐵黑關增靜縣莊傳會學淺圓峯栁穗恆晉禮將澁瀧蘆顯邨𠮷',
]

describe('search_fold and search_grams (migration 0010)', () => {
  it('give what 0008 gave, for every character of the ranges names are typed in, and for mixed text', async () => {
    const result = await ctx.db.transaction(async (tx) => {
      for (const definition of oldDefinitions) await tx.execute(sql.raw(definition))
      return tx.execute(sql`
        with ranges(lo, hi) as (values (1, 1023), (8192, 8303), (12288, 12543), (13056, 13311),
            (19968, 21000), (63744, 64255), (65024, 65103), (65280, 65519), (131071, 131072), (134071, 134072)),
          chars as (select chr(c) as x from ranges, generate_series(lo, hi) as c),
          inputs as (
            select x from chars
            union all select string_agg(x, '') from (select x, row_number() over () as n from chars) s group by n / 5
            union all select unnest(string_to_array(${SAMPLES.join('\u0001')}, chr(1)))
            union all select null)
        select count(*)::int as inputs,
          count(*) filter (where pg_temp.old_search_fold(x) is distinct from search_fold(x))::int as fold_differs,
          count(*) filter (where
            (select array_agg(distinct k order by k) from unnest(pg_temp.old_search_grams(search_fold(x), 'ab', search_fold(reverse(x)))) k)
            is distinct from
            (select array_agg(distinct k order by k) from unnest(search_grams(search_fold(x), 'ab', search_fold(reverse(x)))) k)
          )::int as grams_differ
        from inputs`)
    })
    const [row] = rowsOf<{ inputs: number; fold_differs: number; grams_differ: number }>(result)
    expect(row).toEqual({ inputs: expect.any(Number), fold_differs: 0, grams_differ: 0 })
    expect(row!.inputs).toBeGreaterThan(4000)
  })

  it('is what the stored fold columns hold', async () => {
    const [row] = rowsOf<{ f: string }>(
      await ctx.db.execute(sql`select search_fold('ｶﾄｳ　ナオキ・髙﨑') as f`),
    )
    expect(row!.f).toBe('かとうなおき高崎')
  })

  it('work with the search_path of ANALYZE and index builds (pg_catalog only, as on PostgreSQL 17)', async () => {
    const [row] = rowsOf<{ keys: string[] }>(
      await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`set local search_path = pg_catalog, pg_temp`)
        return tx.execute(sql`select public.search_grams(public.search_fold('ｶﾄｳ'), 'a') as keys`)
      }),
    )
    expect([...new Set(row!.keys)].sort()).toEqual(['a', 'う', 'か', 'かと', 'と', 'とう'])
    await ctx.db.execute(sql`analyze cases`)
    await ctx.db.execute(sql`analyze case_people`)
  })
})
