// Many cities in one PostgreSQL database (issue 15): `count` cities of 1,000 cases and 5,000
// contacts (cities-load.ts), then one city's full report, its case list (first page, default
// sort) and a name search, timed through the product's services — viewReport and listCases, with
// their transactions and audit rows — as the application's role under row-level security, each
// call in the city's scope as a request runs it. Prints p50/p95 against the targets.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { grantAppRole } from '#server/db/roles.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { listCases } from '#server/modules/cases/read-cases.ts'
import { viewReport } from '#server/modules/reports/reports.service.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadCities } from './cities-load.ts'
import { fmt, percentile } from './figures.ts'
import { freshDatabase } from './fresh-database.ts'
import { benchStaff } from './staff.ts'

const TARGET_P95_MS = { report: 50, list: 20, search: 20 }
const RUNS = { report: 60, list: 200, search: 200 }
/** Names the generator gives (surname, or surname and given name), varied so no one plan is cached. */
const NAMES = ['佐藤', '鈴木 花子', '高橋', '田中 一郎', '伊藤', '渡辺 美咲', '山本', '中村 健太']

type ListQuery = Parameters<typeof listCases>[2]

export async function runCitiesBench(serverUrl: string, count: number): Promise<string[]> {
  const fresh = await freshDatabase(serverUrl)
  const role = `yorisoi_bench_app_${randomBytes(4).toString('hex')}`
  const owner = await openDatabase({ url: fresh.url })
  try {
    await migrateDatabase(owner)
    const loaded = await loadCities(owner.db, count)
    // The measured city: the last of the copies (c200 of 200).
    const city = loaded.ids[loaded.ids.length - 1]!
    const counsellor = await benchStaff(owner.db, city, 'window')
    const hq = await benchStaff(owner.db, city, 'headquarters')
    await owner.db.execute(sql.raw(`CREATE ROLE ${role} LOGIN PASSWORD '${randomBytes(12).toString('hex')}'`))
    await grantAppRole(owner.db, role)
    const url = new URL(fresh.url)
    url.username = role
    const app = await openDatabase({ url: url.toString() })
    const deps = { db: app.db, clock: systemClock }
    const timed = async (fn: () => Promise<unknown>) => {
      const t = performance.now()
      await withTenant(city, fn)
      return performance.now() - t
    }
    const calls = {
      report: (_: number) => viewReport(app.db, systemClock, hq.actor, loaded.period),
      list: (_: number) =>
        listCases(deps, counsellor.actor, { order: 'desc', page: 1, pageSize: 50 } as ListQuery),
      search: (i: number) =>
        listCases(deps, counsellor.actor, {
          q: NAMES[i % NAMES.length],
          order: 'desc',
          page: 1,
          pageSize: 50,
        } as ListQuery),
    }
    const times: Record<keyof typeof calls, number[]> = { report: [], list: [], search: [] }
    let listed: Awaited<ReturnType<typeof calls.list>>
    let found: Awaited<ReturnType<typeof calls.search>>[]
    // What the timed calls find: a list or search that finds nothing would be fast for the wrong reason.
    try {
      listed = await withTenant(city, () => calls.list(0))
      found = await withTenant(city, () => Promise.all(NAMES.map((_, i) => calls.search(i))))
      if (!listed.items.length || found.some((f) => !f.items.length))
        throw new Error('a list or search found nothing')
      // A warm-up: the plans cached, the city's pages read in.
      for (const call of Object.values(calls)) for (let i = 0; i < 5; i++) await timed(() => call(i))
      for (const k of Object.keys(calls) as (keyof typeof calls)[])
        for (let i = 0; i < RUNS[k]; i++) times[k].push(await timed(() => calls[k](i)))
    } finally {
      await app.close()
    }
    const line = (what: string, k: keyof typeof calls) => {
      const p95 = percentile(times[k], 95)
      return `${what}: ${times[k].length} calls, p50 ${fmt(percentile(times[k], 50), 1)} ms, p95 ${fmt(p95, 1)} ms → ${p95 <= TARGET_P95_MS[k] ? 'PASS' : 'MISS'} (p95 ≤ ${TARGET_P95_MS[k]} ms)`
    }
    return [
      `Many cities on PostgreSQL: ${count} cities of 1,000 cases / 5,000 contacts in one database` +
        ` (${fmt(loaded.rows.cases)} cases, ${fmt(loaded.rows.contacts)} contacts);` +
        ` first city imported in ${fmt(loaded.importMs / 1000, 1)} s, copied to the others in ${fmt(loaded.copyMs / 1000, 1)} s,` +
        ` VACUUM ANALYZE ${fmt(loaded.vacuumMs / 1000, 1)} s`,
      `City ${city}, through the services as the application's role under row-level security:`,
      line('  full report (headquarters, the whole two years)', 'report'),
      line(`  case list (first page of 50 of ${fmt(listed.total)}, default sort)`, 'list'),
      line(
        `  name search (${NAMES.length} names in turn, ${found.map((f) => f.total).join('/')} found)`,
        'search',
      ),
    ]
  } finally {
    await owner.close()
    await fresh.drop()
    const admin = await openDatabase({ url: serverUrl, tenantScoped: false })
    await admin.db.execute(sql.raw(`DROP ROLE IF EXISTS ${role}`)).finally(() => admin.close())
  }
}
