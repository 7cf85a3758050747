// `npm run bench`: a benchmark, not a test. Generates a city of 10,000 cases, 50,000 contacts,
// 1,500 meetings and 5,000 reviews as interchange CSV files, then on PGlite (file-backed, as in
// production) and on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL; a fresh database that
// is dropped afterwards) imports it and times the full report; then imports it again, into a
// second city, while another city's case list is requested through the app (latency-probe.ts).
// Prints figures against the targets with PASS/MISS and always exits 0. PGlite runs twice: with
// fsync on, as the product runs, and with fsync off (PGlite's own default) to show what
// durability costs. On PostgreSQL, row-level security on and off as the application's role
// (rls-bench.ts; BENCH_ONLY=rls runs only that). Then the search box at 100,000 cases
// (search-bench.ts; BENCH_ONLY=search runs only that). Last, the login page's first load on a
// throttled Fast 3G line in Chromium (first-load.ts; BENCH_ONLY=first-load runs only that).
// BENCH_ONLY=report: only the import and the report's timings on each backend (REPORT_ROUNDS rounds,
// 3 unless set), quick to rerun while working on the report.
// BENCH_ONLY=probe runs PGlite with fsync on only (the import, the report, the concurrent requests).
// Many cities in one PostgreSQL database (cities-bench.ts; BENCH_ONLY=cities runs only that, and
// `--cities N` sets how many: 200 for the issue's figure, DEFAULT_CITIES in the full bench), and
// many users at once over HTTP on both stores (users-bench.ts; BENCH_ONLY=users runs only that).
// A big city and flat memory: the bench city at 1x, 5x and 20x on both stores (scale-bench.ts;
// BENCH_ONLY=scale runs only that, `--scale 5,20` only the scales given). Not in the full bench:
// 20x on PGlite takes many minutes.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runChild } from './child.ts'
import { runCitiesBench } from './cities-bench.ts'
import { fmt, load, mb, median, percentile, verdict } from './figures.ts'
import { runFirstLoadBench } from './first-load.ts'
import { freshDatabase } from './fresh-database.ts'
import { generateLedger } from './generate-ledger.ts'
import type { ChildJob, ChildResult } from './import-child.ts'
import { ledgerAsWorkbook } from './ledger-xlsx.ts'
import { runRlsBench } from './rls-bench.ts'
import { runScaleBench, SCALES, scaleArgument } from './scale-bench.ts'
import { runSearchBench } from './search-bench.ts'
import { serverMemoryLine } from './server-memory.ts'
import { runUsersBench } from './users-bench.ts'

const TARGETS = {
  rowsPerSecond: 5_000,
  peakRssMB: 400,
  reportMs: { pglite: 300, postgres: 100 },
  /** p95 of another city's case list while a ledger of this size is imported. */
  concurrentP95Ms: 1_000,
  /** p99 of another user's case detail meanwhile (issue 15: the embedded store stays responsive). */
  concurrentP99Ms: 1_000,
} as const
const REPORT_RUNS = 10
/** Cities loaded by the full bench unless `--cities N` says otherwise: short; the issue's figure is 200. */
const DEFAULT_CITIES = 20

type Backend = 'pglite' | 'postgres'
interface Outcome {
  backend: Backend
  label: string
  rows: number
  result?: ChildResult
  failure?: string
}

function printDetails(o: Outcome) {
  const r = o.result!
  console.log(`  ${load()} when the figures below were taken`)
  const seconds = r.importMs / 1000
  console.log(`  import: ${fmt(o.rows)} rows in ${fmt(seconds, 2)} s → ${fmt(o.rows / seconds)} rows/s`)
  if (!r.ok)
    console.log(`  IMPORT FAILED with ${r.importErrors} errors, e.g.\n    ${r.firstErrors.join('\n    ')}`)
  const counts = Object.entries(r.counts).map(([k, c]) => `${k} +${c.added}/~${c.updated}`)
  console.log(`  counts: ${counts.join(', ')}`)
  console.log(
    `  stored: ${Object.entries(r.stored)
      .map(([k, n]) => `${k} ${fmt(n)}`)
      .join(', ')}`,
  )
  console.log(
    `  memory: peak RSS ${fmt(mb(r.maxRssKiB))} MB (${fmt(mb(r.maxRssBeforeKiB))} MB before the import);` +
      ` sampled peaks heapUsed ${fmt(r.sampled.heapUsed / 1e6)} MB, external ${fmt(r.sampled.external / 1e6)} MB` +
      ` (arrayBuffers ${fmt(r.sampled.arrayBuffers / 1e6)} MB)`,
  )
  if (o.backend === 'postgres') console.log(serverMemoryLine(r.maxRssKiB, r, TARGETS.peakRssMB))
  console.log(
    `  report (full period, ${fmt(r.reportTotal)} window cases): ${REPORT_RUNS} runs after a warm-up,` +
      ` median ${fmt(median(r.reportMs), 1)} ms, min ${fmt(Math.min(...r.reportMs), 1)} ms,` +
      ` max ${fmt(Math.max(...r.reportMs), 1)} ms`,
  )
  console.log(
    `  commits: ${r.commitMs.length} one-row transactions, median ${fmt(median(r.commitMs), 2)} ms,` +
      ` max ${fmt(Math.max(...r.commitMs), 1)} ms`,
  )
  const p = r.probe
  const p95 = percentile(p.latenciesMs, 95)
  console.log(
    `  concurrent case list while the ledger is imported into a second city (${fmt(p.importMs / 1000, 2)} s):` +
      ` ${p.latenciesMs.length} requests, one due every ${p.intervalMs} ms, ${p.failures} failed;` +
      ` p50 ${fmt(percentile(p.latenciesMs, 50))} ms, p95 ${fmt(p95)} ms, max ${fmt(Math.max(...p.latenciesMs))} ms` +
      ` → ${verdict(p.importOk && p.failures === 0 && p95 < TARGETS.concurrentP95Ms)} (p95 < ${fmt(TARGETS.concurrentP95Ms)} ms);` +
      ` without an import p50 ${fmt(percentile(p.baselineMs, 50))} ms, p95 ${fmt(percentile(p.baselineMs, 95))} ms`,
  )
  const p99 = percentile(p.detailMs, 99)
  console.log(
    `  concurrent case detail, the same way: ${p.detailMs.length} requests; p50 ${fmt(percentile(p.detailMs, 50))} ms,` +
      ` p99 ${fmt(p99)} ms, max ${fmt(Math.max(...p.detailMs))} ms` +
      ` → ${verdict(p.importOk && p.failures === 0 && p99 < TARGETS.concurrentP99Ms)} (p99 < ${fmt(TARGETS.concurrentP99Ms)} ms);` +
      ` without an import p50 ${fmt(percentile(p.detailBaselineMs, 50))} ms, p99 ${fmt(percentile(p.detailBaselineMs, 99))} ms`,
  )
}

function table(outcomes: Outcome[]) {
  const head = [
    'backend',
    'import rows/s',
    'peak RSS',
    'report median (min–max)',
    'one-row commit median',
    'case list p95 (import)',
  ]
  const lines: string[][] = []
  for (const o of outcomes) {
    const name = o.label
    const r = o.result
    if (!r) {
      // As many cells as the head: a failed backend's row still prints (it crashed the table).
      lines.push([name, o.failure ?? 'skipped', ...head.slice(2).map(() => '')])
      continue
    }
    const rate = o.rows / (r.importMs / 1000)
    const rss = mb(r.maxRssKiB)
    const med = median(r.reportMs)
    const p95 = percentile(r.probe.latenciesMs, 95)
    const target = TARGETS.reportMs[o.backend]
    lines.push([
      name,
      `${fmt(rate)} ${verdict(r.ok && rate >= TARGETS.rowsPerSecond)}`,
      `${fmt(rss)} MB ${verdict(rss < TARGETS.peakRssMB)}`,
      `${fmt(med, 1)} ms (${fmt(Math.min(...r.reportMs), 1)}–${fmt(Math.max(...r.reportMs), 1)}) ${verdict(med < target)}`,
      `${fmt(median(r.commitMs), 2)} ms`,
      `${fmt(p95)} ms ${verdict(r.probe.importOk && r.probe.failures === 0 && p95 < TARGETS.concurrentP95Ms)}`,
    ])
  }
  lines.push([
    'target',
    `≥ ${fmt(TARGETS.rowsPerSecond)}`,
    `< ${TARGETS.peakRssMB} MB`,
    `< ${TARGETS.reportMs.pglite} ms PGlite, < ${TARGETS.reportMs.postgres} ms PostgreSQL`,
    '(no target)',
    `< ${fmt(TARGETS.concurrentP95Ms)} ms`,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const row = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('   ')}`.trimEnd()
  console.log(`\n${row(head)}    ${load()}`)
  for (const l of lines) console.log(row(l))
  const misses = lines.flat().filter((c) => c.endsWith('MISS')).length
  console.log(
    misses ? `\n  ${misses} figure(s) MISS the target.` : '\n  Every measured figure meets its target.',
  )
  console.log(
    "  (peak RSS is the Node process; on PostgreSQL the server's own memory is printed with its details above)",
  )
}

/** `--cities N` from the command line (npm run bench -- --cities 200). */
function citiesArgument(): number | undefined {
  const at = process.argv.indexOf('--cities')
  const n = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN
  return Number.isInteger(n) && n > 0 ? n : undefined
}

/** Many cities in one database (cities-bench.ts); its lines, or why it did not run. */
async function citiesPart(serverUrl: string | undefined): Promise<string[]> {
  const asked = citiesArgument()
  const count = asked ?? DEFAULT_CITIES
  if (!serverUrl) return ['Many cities: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)']
  console.log(
    `\nMany cities: ${count} in one PostgreSQL database` +
      (asked
        ? ''
        : ` (the full bench's default, to keep it short; \`npm run bench -- --cities 200\` for the issue's figure)`),
  )
  return runCitiesBench(serverUrl, count).catch((e: Error) => [`Many cities: FAILED ${e.message}`])
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (process.env.BENCH_ONLY === 'cities') {
    console.log(`\n  ${(await citiesPart(serverUrl)).join('\n  ')}\n  ${load()}`)
    return
  }
  // A big city and flat memory (scale-bench.ts): BENCH_ONLY=scale, or `--scale N[,N…]`, runs only that.
  const scales = scaleArgument()
  if (process.env.BENCH_ONLY === 'scale' || scales) {
    await runScaleBench(scales ?? SCALES, serverUrl)
    return
  }
  if (process.env.BENCH_ONLY === 'users') {
    console.log(`\n  ${(await runUsersBench(serverUrl)).join('\n  ')}`)
    return
  }
  // BENCH_ONLY=search: only the search box at 100,000 cases (search-bench.ts), quick to rerun.
  if (process.env.BENCH_ONLY === 'search') {
    await runSearchBench()
    return
  }
  // BENCH_ONLY=first-load: only the login page's first load on a slow line (first-load.ts).
  if (process.env.BENCH_ONLY === 'first-load') {
    console.log(`  ${(await runFirstLoadBench()).join('\n  ')}`)
    return
  }
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-bench-'))
  const outcomes: Outcome[] = []
  const rlsLines: string[] = []
  try {
    const t = performance.now()
    const ledger = generateLedger(work)
    console.log(
      `Generated ${fmt(ledger.rows)} rows (${fmt(ledger.bytes / 1e6, 1)} MB of CSV, ${ledger.from} to ${ledger.to})` +
        ` in ${fmt(performance.now() - t)} ms`,
    )
    let paths = ledger.paths
    if (process.env.BENCH_FORMAT === 'xlsx') {
      paths = [await ledgerAsWorkbook(ledger.paths, work)]
      console.log('Imported as one .xlsx workbook (BENCH_FORMAT=xlsx, shared strings)')
    }
    const job = { paths, from: ledger.from, to: ledger.to, reportRuns: REPORT_RUNS }

    if (process.env.BENCH_ONLY === 'report') {
      await reportOnly(job, work, serverUrl)
      return
    }
    if (process.env.BENCH_ONLY === 'rls') {
      if (!serverUrl) throw new Error('BENCH_ONLY=rls needs BENCH_DATABASE_URL or TEST_DATABASE_URL')
      console.log(`\n  ${(await runRlsBench(serverUrl, paths, ledger)).join('\n  ')}`)
      return
    }

    // BENCH_ONLY=probe: only PGlite with fsync on, as the product runs (import, report, then the
    // concurrent case list and case detail), quick to rerun when working on the embedded store.
    const only = process.env.BENCH_ONLY === 'probe'
    for (const fsync of only ? [true] : [true, false]) {
      const label = fsync ? 'PGlite' : 'PGlite fsync off'
      console.log(
        `\n${label} (file-backed${fsync ? ', fsync on as in production' : ", PGlite's default, for comparison"};` +
          ' a fresh data folder, created by a first child, imported into by a second)',
      )
      const outcome: Outcome = { backend: 'pglite', label, rows: ledger.rows }
      outcomes.push(outcome)
      const dataDir = join(work, fsync ? 'pglite' : 'pglite-nofsync')
      try {
        await runChild({ ...job, dataDir, fsync, prepareOnly: true })
        outcome.result = await runChild({ ...job, dataDir, fsync })
        printDetails(outcome)
      } catch (error) {
        outcome.failure = 'FAILED'
        console.log(`  FAILED: ${(error as Error).message}`)
      }
    }

    const postgres: Outcome = { backend: 'postgres', label: 'PostgreSQL', rows: ledger.rows }
    if (!only) outcomes.push(postgres)
    if (only) {
      table(outcomes)
      return
    } else if (!serverUrl) {
      postgres.failure = 'skipped (no URL)'
      console.log(
        '\nPostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL (a server where a database may be created).',
      )
    } else {
      console.log('\nPostgreSQL (a fresh database, migrated by a first child, imported into by a second)')
      try {
        const db = await freshDatabase(serverUrl)
        try {
          await runChild({ ...job, url: db.url, prepareOnly: true })
          postgres.result = await runChild({ ...job, url: db.url })
          printDetails(postgres)
        } finally {
          await db.drop()
        }
      } catch (error) {
        postgres.failure = 'FAILED'
        console.log(`  FAILED: ${(error as Error).message}`)
      }
      console.log("\nPostgreSQL, row-level security on and off (a fresh database, the application's role)")
      rlsLines.push(
        ...(await runRlsBench(serverUrl, paths, ledger).catch((e: Error) => [`FAILED: ${e.message}`])),
      )
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  table(outcomes)
  if (rlsLines.length) console.log(`\n  ${rlsLines.join('\n  ')}\n  ${load()}`)
  const search = await runSearchBench()
  console.log(`\n  ${search.join('\n  ')}\n  ${load()}`)
  const cities = await citiesPart(serverUrl)
  console.log(`\n  ${cities.join('\n  ')}\n  ${load()}`)
  const users = await runUsersBench(serverUrl).catch((e: Error) => [`Many users: FAILED ${e.message}`])
  console.log(`\n  ${users.join('\n  ')}`)
  const firstLoad = await runFirstLoadBench().catch((e: Error) => [`First load: FAILED: ${e.message}`])
  console.log(`\n  ${firstLoad.join('\n  ')}\n  ${load()}`)
}

/**
 * The report's timings alone: per backend, rounds of a fresh store, the import and REPORT_RUNS
 * timed reports, each round's median printed with the load average at its end.
 */
async function reportOnly(job: Omit<ChildJob, 'dataDir' | 'url'>, work: string, serverUrl?: string) {
  const rounds = Number(process.env.REPORT_ROUNDS ?? 3)
  const backends: { label: Backend; store: () => Promise<{ job: ChildJob; drop: () => Promise<void> }> }[] = [
    {
      label: 'pglite',
      store: async () => {
        const dataDir = mkdtempSync(join(work, 'pglite-'))
        return {
          job: { ...job, dataDir },
          drop: async () => rmSync(dataDir, { recursive: true, force: true }),
        }
      },
    },
  ]
  if (serverUrl) {
    backends.push({
      label: 'postgres',
      store: async () => {
        const db = await freshDatabase(serverUrl)
        return { job: { ...job, url: db.url }, drop: db.drop }
      },
    })
  }
  for (const backend of backends) {
    for (let round = 1; round <= rounds; round++) {
      const store = await backend.store()
      try {
        await runChild({ ...store.job, prepareOnly: true })
        const r = await runChild({ ...store.job, reportOnly: true })
        const med = median(r.reportMs)
        console.log(
          `  ${backend.label} round ${round}: report median ${fmt(med, 1)} ms` +
            ` (${fmt(Math.min(...r.reportMs), 1)}–${fmt(Math.max(...r.reportMs), 1)}, ${REPORT_RUNS} runs)` +
            ` ${verdict(med < TARGETS.reportMs[backend.label])} (< ${TARGETS.reportMs[backend.label]} ms) ${load()}`,
        )
      } finally {
        await store.drop()
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error('Benchmark failed:', error)
})
