// A big city and flat memory (issue 15): the bench city's ledger (generate-ledger.ts) scaled 1x,
// 5x and 20x (or the scales given: `npm run bench -- --scale 5,20`), imported on PGlite (fsync on,
// as the product runs) and on PostgreSQL (a fresh database per run), each in a child of its own
// (child.ts) with no byte cap on the files, as the command line reads them. Prints the import's
// peak RSS against < 400 MB at every scale (on PostgreSQL also the server's memory: the Node peak
// plus the import's connections' private memory against the same target, server-memory.ts), and at 20x the full report's median
// against ≤ 300 ms on PostgreSQL and ≤ 1 s on PGlite. The import runs with the command line's V8
// flags, the report a second time in a process with the staff server's (child.ts): the target is
// the server's, where a city's report runs. Measures only: nothing here makes them pass.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { runChild } from './child.ts'
import { fmt, load, mb, median, verdict } from './figures.ts'
import { freshDatabase } from './fresh-database.ts'
import { CITY_SIZE, generateLedger, type LedgerSize } from './generate-ledger.ts'
import type { ChildJob, ChildResult } from './import-child.ts'
import { serverMemoryLine } from './server-memory.ts'

export const SCALES = [1, 5, 20]
const TARGETS = {
  peakRssMB: 400,
  /** The full report at BIG_CITY times the bench city. */
  reportMs: { pglite: 1_000, postgres: 300 },
}
const BIG_CITY = 20
/** Fewer than the main bench's 10: a 20x report took 4.4 s on PGlite when the issue was filed. */
const REPORT_RUNS = 5
/**
 * Untimed reports before the server process's timed ones: a server has run for a while, and V8
 * compiles PGlite's hot code in the background while the first reports run (at 20x they took
 * 2.3, 1.7, 1.7, 1.7, 1.3, 1.4, 1.4, 1.2, 1.2 and 1.0 s in a fresh process, ~0.9 s later).
 */
const SERVER_WARM_UPS = 10

type Backend = keyof typeof TARGETS.reportMs

const scaled = (n: number): LedgerSize => ({
  cases: CITY_SIZE.cases * n,
  contacts: CITY_SIZE.contacts * n,
  meetings: CITY_SIZE.meetings * n,
  reviews: CITY_SIZE.reviews * n,
})

/** `--scale 5` or `--scale 5,20` from the command line; undefined when not given. */
export function scaleArgument(argv = process.argv): number[] | undefined {
  const at = argv.indexOf('--scale')
  if (at < 0) return undefined
  const scales = (argv[at + 1] ?? '').split(',').map(Number)
  return scales.length && scales.every((n) => Number.isInteger(n) && n > 0) ? scales : undefined
}

function lines(backend: Backend, scale: number, rows: number, r: ChildResult, served: ChildResult): string[] {
  const node = mb(r.maxRssKiB)
  const out = [
    `  import: ${fmt(rows)} rows in ${fmt(r.importMs / 1000, 1)} s → ${fmt(rows / (r.importMs / 1000))} rows/s` +
      (r.ok ? '' : ` — FAILED with ${r.importErrors} errors, e.g. ${r.firstErrors[0] ?? ''}`),
    `  memory: Node peak RSS ${fmt(node)} MB (${fmt(mb(r.maxRssBeforeKiB))} MB before the import)` +
      ` → ${verdict(r.ok && node < TARGETS.peakRssMB)} (< ${TARGETS.peakRssMB} MB);` +
      ` sampled every 20 ms: JS heap used ≤ ${fmt(mb(r.sampled.heapUsed / 1024))} MB,` +
      ` external ≤ ${fmt(mb(r.sampled.external / 1024))} MB` +
      (backend === 'pglite' ? " (PGlite's WebAssembly memory included)" : ''),
  ]
  if (backend === 'postgres') out.push(serverMemoryLine(r.maxRssKiB, r, TARGETS.peakRssMB))
  const target = TARGETS.reportMs[backend]
  const timings = (ms: number[]) =>
    `median of ${ms.length} ${fmt(median(ms), 1)} ms (${fmt(Math.min(...ms), 1)}–${fmt(Math.max(...ms), 1)})`
  out.push(
    `  full report (${fmt(r.reportTotal)} window cases), in the import's process (the CLI's flags): ${timings(r.reportMs)}`,
  )
  const med = median(served.reportMs)
  out.push(
    `  full report in a process with the staff server's flags, after ${SERVER_WARM_UPS} untimed: ${timings(served.reportMs)}` +
      (scale === BIG_CITY
        ? ` → ${verdict(r.ok && med <= target)} (≤ ${fmt(target)} ms at ${BIG_CITY}x)`
        : ` (the target is at ${BIG_CITY}x)`) +
      `; that process's peak RSS ${fmt(mb(served.maxRssKiB))} MB, ${fmt(mb(served.rssAfterKiB ?? 0))} MB after`,
  )
  return out
}

/**
 * One backend at one scale: a fresh store, prepared by a first child, imported into by a second,
 * its report timed again by a third.
 */
async function runOne(
  backend: Backend,
  job: Omit<ChildJob, 'url' | 'dataDir'>,
  work: string,
  serverUrl?: string,
) {
  if (backend === 'pglite') {
    const dataDir = mkdtempSync(join(work, 'pglite-'))
    try {
      await runChild({ ...job, dataDir, fsync: true, prepareOnly: true })
      const imported = await runChild({ ...job, dataDir, fsync: true })
      return [
        imported,
        await runChild({ ...job, dataDir, fsync: true, reportAlone: true, warmUps: SERVER_WARM_UPS }),
      ] as const
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const db = await freshDatabase(serverUrl!)
  try {
    await runChild({ ...job, url: db.url, prepareOnly: true })
    const imported = await runChild({ ...job, url: db.url })
    return [
      imported,
      await runChild({ ...job, url: db.url, reportAlone: true, warmUps: SERVER_WARM_UPS }),
    ] as const
  } finally {
    await db.drop()
  }
}

/** Prints as it goes (a 20x run on PGlite takes many minutes); returns nothing. */
export async function runScaleBench(scales: number[], serverUrl?: string): Promise<void> {
  // SCALE_STORES=postgres (or pglite) runs one store only: a 20x run of both takes ~20 minutes.
  const only = process.env.SCALE_STORES
  const available: Backend[] = serverUrl ? ['pglite', 'postgres'] : ['pglite']
  if (only && !available.includes(only as Backend))
    throw new Error(`SCALE_STORES=${only}: one of ${available.join(', ')} (postgres needs a database URL)`)
  const backends = only ? [only as Backend] : available
  console.log(
    `\nA big city and flat memory: the bench city at ${scales.map((s) => `${s}x`).join(', ')}` +
      (serverUrl ? '' : ' (PGlite only: set BENCH_DATABASE_URL or TEST_DATABASE_URL for PostgreSQL)'),
  )
  for (const scale of scales) {
    const work = mkdtempSync(join(tmpdir(), 'yorisoi-scale-'))
    try {
      const t = performance.now()
      const ledger = generateLedger(work, undefined, scaled(scale))
      console.log(
        `\n${scale}x: ${fmt(ledger.rows)} rows, ${fmt(ledger.bytes / 1e6, 1)} MB of CSV, generated in` +
          ` ${fmt((performance.now() - t) / 1000, 1)} s ${load()}`,
      )
      const job = {
        paths: ledger.paths,
        from: ledger.from,
        to: ledger.to,
        reportRuns: REPORT_RUNS,
        reportOnly: true,
        uncapped: true,
      }
      for (const backend of backends) {
        console.log(`${backend === 'pglite' ? 'PGlite (fsync on)' : 'PostgreSQL'}, ${scale}x:`)
        try {
          const [imported, served] = await runOne(backend, job, work, serverUrl)
          console.log(lines(backend, scale, ledger.rows, imported, served).join('\n'))
        } catch (error) {
          console.log(`  FAILED: ${(error as Error).message.split('\n')[0]}`)
        }
        console.log(`  ${load()}`)
      }
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
}
