// Many cities in one PostgreSQL database, loaded fast: the first city's ledger (1,000 cases,
// 5,000 contacts; generate-ledger.ts) goes through the product's importer once, then one
// INSERT … SELECT per table copies that city's rows to every other city under its own
// tenant_id (the keys are (tenant_id, id), so the same ids may repeat across cities). Then
// VACUUM ANALYZE, as an operator would after a bulk load: statistics, and the visibility map
// set so that index-only scans skip the heap.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { importLedger } from '#server/modules/interchange/import-ledger.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { generateLedger } from './generate-ledger.ts'

/** A tenth of the bench city (generate-ledger.ts CITY_SIZE). */
export const SMALL_CITY = { cases: 1_000, contacts: 5_000, meetings: 150, reviews: 500 }
/**
 * Not copied: the audit trail (append-only, chained per city by a trigger) and its chain heads.
 * The measured city writes its own audit rows as it is used.
 */
const NOT_COPIED = new Set(['audit_log', 'audit_chain'])

export const cityId = (i: number) => `c${String(i).padStart(3, '0')}`

export interface LoadedCities {
  ids: string[]
  period: { from: string; to: string }
  importMs: number
  copyMs: number
  vacuumMs: number
  rows: { cases: number; contacts: number }
}

const rowsOf = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows

/** Loads `count` cities into `db` (migrated, on the owner's connection, which bypasses RLS). */
export async function loadCities(db: Db, count: number): Promise<LoadedCities> {
  const ids = Array.from({ length: count }, (_, i) => cityId(i + 1))
  const [first, ...others] = ids as [string, ...string[]]
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-cities-'))
  let t = performance.now()
  let period: { from: string; to: string }
  try {
    const ledger = generateLedger(work, 20_231, SMALL_CITY)
    period = { from: ledger.from, to: ledger.to }
    await ensureCity(db, { id: first, name: '計測市 1' })
    const imported = await importLedger(db, first, ledger.paths, {
      dryRun: false,
      actor: null,
      now: new Date(),
    })
    if (!imported.ok) throw new Error('the first city’s ledger did not import')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const importMs = performance.now() - t
  t = performance.now()
  await copyCity(db, first, others)
  const copyMs = performance.now() - t
  t = performance.now()
  await db.execute(sql`vacuum analyze`)
  const vacuumMs = performance.now() - t
  const [n] = await rowsOf<{ cases: number; contacts: number; first: number }>(
    db,
    sql`select (select count(*) from cases)::int as cases, (select count(*) from contacts)::int as contacts,
          (select count(*) from cases where tenant_id = ${first})::int as first`,
  )
  // A copy that missed a city (or doubled one) would make every figure after it meaningless.
  if (n!.cases !== n!.first * count)
    throw new Error(`copied ${n!.cases} cases, expected ${n!.first} × ${count}`)
  return { ids, period, importMs, copyMs, vacuumMs, rows: n! }
}

/** Copies every city row of `from` (but the audit trail) to each city of `to`, which it creates. */
async function copyCity(db: Db, from: string, to: string[]): Promise<void> {
  if (!to.length) return
  const tables = await rowsOf<{ table: string; columns: string[] }>(
    db,
    sql`select table_name as table, array_agg(column_name::text order by ordinal_position) as columns
        from information_schema.columns
        where table_schema = 'public' and is_generated = 'NEVER' and column_name <> 'tenant_id'
          and table_name in (select table_name from information_schema.columns
                             where table_schema = 'public' and column_name = 'tenant_id')
          and table_name in (select table_name from information_schema.tables
                             where table_schema = 'public' and table_type = 'BASE TABLE')
        group by table_name`,
  )
  const targets = sql`unnest(${sql.raw(`array[${to.map((id) => `'${id}'`).join(',')}]`)}::text[])`
  await db.transaction(async (tx) => {
    // Copies of valid rows: the foreign keys and triggers (replica mode skips both) would only
    // check again what the first city's import checked, and would make the order of tables matter.
    await tx.execute(sql`set local session_replication_role = replica`)
    await tx.execute(sql`insert into tenants (id, name) select id, '計測市 ' || id from ${targets} as c(id)`)
    for (const { table, columns } of tables) {
      if (NOT_COPIED.has(table)) continue
      const list = sql.raw(columns.map((c) => `"${c}"`).join(', '))
      const table_ = sql.identifier(table)
      await tx.execute(
        sql`insert into ${table_} (tenant_id, ${list}) overriding system value
            select c.id, ${sql.raw(columns.map((c) => `t."${c}"`).join(', '))}
            from ${table_} as t cross join ${targets} as c(id) where t.tenant_id = ${from}`,
      )
    }
  })
}
