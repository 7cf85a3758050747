// One backend's half of the benchmark, in a process of its own (forked by bench/run.ts) so that
// its peak RSS is the importer's and the database driver's, not the generator's or the other
// backend's: open the store, import the ledger, read the peak RSS, then time the report.
// The job comes as JSON in argv[2]; the result goes back over IPC.
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { type Db, openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { CLI_MAX_BYTES, importLedger } from '#server/modules/interchange/import-ledger.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { computeReport } from '#server/modules/reports/compute-report.ts'
import type { ProbeResult } from './latency-probe.ts'
import { type ServerMemory, sampleBackends, serverMemory } from './server-memory.ts'

export interface ChildJob {
  /** postgres://… for PostgreSQL; otherwise PGlite in dataDir. */
  url?: string
  dataDir?: string
  /** PGlite only: false runs with fsync off (PGlite's own default), for the comparison. */
  fsync?: boolean
  paths: string[]
  from: string
  to: string
  reportRuns: number
  /**
   * Only create the store (migrations, the city) and stop. A new PGlite folder runs initdb,
   * whose peak RSS (~0.9 GB) is not the importer's: the import then runs in a second child on
   * the existing store, as the CLI or a server would after the first start.
   */
  prepareOnly?: boolean
  /** Stop after the report's timings (BENCH_ONLY=report): no commits, no concurrent import. */
  reportOnly?: boolean
  /**
   * No import: the report's timings on the store as an earlier child left it, in a process with
   * the staff server's V8 flags (child.ts), where a city's report runs. Answers the timings, the
   * process's peak RSS (maxRssKiB) and its RSS after them (rssAfterKiB).
   */
  reportAlone?: boolean
  /** reportAlone: untimed runs first (default 1). V8 compiles the hot code while the first ones run. */
  warmUps?: number
  /**
   * No byte cap on the files, as the command line reads them (interchange.cli.ts): a 20x
   * contacts.csv is 87 MB, over the web upload's 30 MiB.
   */
  uncapped?: boolean
}

export interface ChildResult {
  ok: boolean
  error?: string
  importMs: number
  importErrors: number
  firstErrors: string[]
  counts: Record<string, { added: number; updated: number }>
  stored: Record<string, number>
  /** Peak RSS (KiB) before the import (process, driver, migrations) and at its end. */
  maxRssBeforeKiB: number
  maxRssKiB: number
  /** Peaks of process.memoryUsage() sampled every 20 ms during the import, bytes. */
  sampled: { heapUsed: number; external: number; arrayBuffers: number }
  reportMs: number[]
  reportTotal: number
  /** Each of COMMITS one-row INSERTs in a transaction of its own, ms: where fsync costs most. */
  commitMs: number[]
  /** Case lists requested through the app while the same ledger is imported into a second city. */
  probe: ProbeResult
  /** PostgreSQL on this machine: its memory after the import and the report (server-memory.ts). */
  server?: ServerMemory
  /**
   * PostgreSQL on this machine: the peak, sampled during the import, of the private memory of
   * this process's connections' backends, KiB (server-memory.ts sampleBackends).
   */
  backendsPeakKiB?: number
  /** reportAlone: the process's RSS after the timed reports, KiB. */
  rssAfterKiB?: number
}

const COMMITS = 200

const TENANT = 'bench'

async function main(job: ChildJob): Promise<ChildResult> {
  const handle = await openDatabase(job.url ? { url: job.url } : { dataDir: job.dataDir, fsync: job.fsync })
  try {
    await migrateDatabase(handle)
    await ensureCity(handle.db, { id: TENANT, name: 'ベンチ市' })
    if (job.prepareOnly) return { ok: true } as ChildResult
    if (job.reportAlone) return await timeReportAlone(handle.db, job)
    global.gc?.()
    const maxRssBeforeKiB = process.resourceUsage().maxRSS
    const sampled = { heapUsed: 0, external: 0, arrayBuffers: 0 }
    const sample = () => {
      const m = process.memoryUsage()
      sampled.heapUsed = Math.max(sampled.heapUsed, m.heapUsed)
      sampled.external = Math.max(sampled.external, m.external)
      sampled.arrayBuffers = Math.max(sampled.arrayBuffers, m.arrayBuffers)
    }
    const timer = setInterval(sample, 20)
    const backends = job.url ? sampleBackends(handle.db) : undefined

    const started = performance.now()
    const result = await importLedger(handle.db, TENANT, job.paths, {
      dryRun: false,
      actor: null,
      now: new Date(),
      ...(job.uncapped ? { maxBytes: CLI_MAX_BYTES } : {}),
    })
    const importMs = performance.now() - started
    clearInterval(timer)
    sample()
    const maxRssKiB = process.resourceUsage().maxRSS
    const backendsPeakKiB = await backends?.stop()

    const stored: Record<string, number> = {}
    for (const table of ['cases', 'contacts', 'meetings', 'meeting_attendees', 'reviews', 'case_events']) {
      const res = (await handle.db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${TENANT}`,
      )) as unknown as { rows: { n: number }[] }
      stored[table] = res.rows[0]!.n
    }

    // The full report: the whole generated period, every ward. One warm-up run, then the timed ones.
    const { warm, reportMs } = await timeReports(handle.db, job)

    const server = job.url ? await serverMemory(handle.db) : undefined
    if (job.reportOnly) {
      return {
        ok: result.ok,
        importMs,
        importErrors: result.errors.length,
        firstErrors: result.errors.slice(0, 5).map((e) => `${e.sheet} row ${e.row} ${e.column}: ${e.reason}`),
        maxRssBeforeKiB,
        maxRssKiB,
        sampled,
        reportMs,
        reportTotal: warm.consultations.total,
        ...(server ? { server } : {}),
        ...(backendsPeakKiB !== undefined ? { backendsPeakKiB } : {}),
      } as ChildResult
    }

    // A request that changes a record is one small transaction: its commit waits for the WAL's
    // fsync. A scratch table of its own (a temporary one writes no WAL, so it would show nothing).
    await handle.db.execute(sql`create table bench_commit_probe (n int)`)
    const commitMs: number[] = []
    for (let n = 0; n < COMMITS; n++) {
      const t = performance.now()
      await handle.db.execute(sql`insert into bench_commit_probe values (${n})`)
      commitMs.push(performance.now() - t)
    }
    await handle.db.execute(sql`drop table bench_commit_probe`)
    // Last, after the memory figures, and loaded only now: the app (every module) and its
    // requests are not the importer's memory.
    const { probeDuringImport } = await import('./latency-probe.ts')
    const probe = await probeDuringImport(handle.db, job.paths, TENANT, `${TENANT}2`)

    return {
      commitMs,
      ok: result.ok,
      importMs,
      importErrors: result.errors.length,
      firstErrors: result.errors.slice(0, 5).map((e) => `${e.sheet} row ${e.row} ${e.column}: ${e.reason}`),
      counts: result.counts,
      stored,
      maxRssBeforeKiB,
      maxRssKiB,
      sampled,
      reportMs,
      reportTotal: warm.consultations.total,
      probe,
      ...(server ? { server } : {}),
      ...(backendsPeakKiB !== undefined ? { backendsPeakKiB } : {}),
    }
  } finally {
    await handle.close()
  }
}

/** The full report over the job's period: untimed warm-up runs (the first one's result kept), then the timed ones. */
async function timeReports(db: Db, job: ChildJob, warmUps = 1) {
  const options = { from: job.from, to: job.to }
  const warm = await computeReport(db, TENANT, options)
  for (let i = 1; i < warmUps; i++) await computeReport(db, TENANT, options)
  const reportMs: number[] = []
  for (let i = 0; i < job.reportRuns; i++) {
    const t = performance.now()
    await computeReport(db, TENANT, options)
    reportMs.push(performance.now() - t)
  }
  return { warm, reportMs }
}

/** The report's timings alone (job.reportAlone), with the process's peak RSS and its RSS after them. */
async function timeReportAlone(db: Db, job: ChildJob): Promise<ChildResult> {
  const { warm, reportMs } = await timeReports(db, job, job.warmUps)
  return {
    ok: true,
    reportMs,
    reportTotal: warm.consultations.total,
    maxRssKiB: process.resourceUsage().maxRSS,
    rssAfterKiB: Math.round(process.memoryUsage.rss() / 1024),
  } as ChildResult
}

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob
const reply = (message: Partial<ChildResult>) => process.send?.(message, () => process.disconnect())
main(job).then(reply, (error: unknown) =>
  reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
)
