// Many users at once (issue 15): the real app serving one city (users-server.ts, in a child
// process) loaded over loopback by autocannon in this process — case list, case detail, search,
// session and report at 10 and 50 connections, each for a few seconds — on PostgreSQL (a fresh
// database, the application's role under RLS) and on PGlite (a fresh data folder, fsync on).
// Beside them, a bare Fastify route running case detail's SELECT through the same pool: case
// detail's rate as a share of it (the median of eight short pairs of runs), and the case
// list's p99 at 20 connections on PostgreSQL.
import { type ChildProcess, fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { openDatabase } from '#server/db/client.ts'
import { PROCESS_FLAGS } from './child.ts'
import { fmt, load, median, verdict } from './figures.ts'
import { freshDatabase } from './fresh-database.ts'
import { signIn } from './latency-probe.ts'
import { type Load, loadTest } from './load-test.ts'
import type { UsersJob, UsersServer } from './users-server.ts'

const CONNECTIONS = [10, 50]
/**
 * Pairs of (bare route, case detail) runs per connection count, and each run's seconds: many
 * short pairs rather than a few long ones (see `measure`).
 */
const PAIRS = 8
const PAIR_SECONDS = 2
const TARGETS = { detailShareOfBare: 0.5, listP99At20Ms: 200 }

/** Starts the server child; resolves with its addresses once it listens. */
function startServer(job: UsersJob): Promise<{ child: ChildProcess; server: UsersServer }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./users-server.ts', import.meta.url)), [JSON.stringify(job)], {
      // The staff server's V8 flags, as `npm start` runs it.
      execArgv: [...PROCESS_FLAGS.server, '--import', 'tsx'],
      stdio: 'inherit',
    })
    child.once('message', (message) => {
      const server = message as UsersServer
      if (server.error) {
        child.kill()
        reject(new Error(server.error))
      } else resolve({ child, server })
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the server process ended (code ${code})`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill()
  })
}

const row = (what: string, l: Load) =>
  `  ${what.padEnd(13)} ${String(l.connections).padStart(3)} conn: ` +
  (l.total === 0
    ? `none answered within the run (${l.seconds} s)`
    : `${fmt(l.rps).padStart(6)} req/s, p50 ${fmt(l.p50).padStart(5)} ms, p99 ${fmt(l.p99).padStart(5)} ms` +
      (l.failed ? `, ${fmt(l.failed)} of ${fmt(l.total)} failed or not 2xx` : ''))

/**
 * Waits (at most a minute) until the server's store has finished what the last load test left in
 * flight — two quiet answers in a row — so that each test starts from a quiet server.
 */
async function settle(bare: string): Promise<void> {
  const until = Date.now() + 60_000
  let calm = 0
  while (calm < 2 && Date.now() < until) {
    const { busy } = (await (await fetch(`${bare}/busy`)).json()) as { busy: boolean }
    calm = busy ? 0 : calm + 1
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** One backend's figures; prints its rows as they come and returns the summary lines. */
async function measure(label: string, server: UsersServer, postgres: boolean): Promise<string[]> {
  const staff = await signIn(server.base, server.city, server.counsellor.loginId, server.counsellor.password)
  const hq = await signIn(server.base, server.city, server.headquarters.loginId, server.headquarters.password)
  const { from, to } = server.period
  const detailPath = `/api/cases/${server.caseId}`
  const endpoints: [string, string, string][] = [
    ['case list', '/api/cases', staff],
    ['search', `/api/cases?q=${encodeURIComponent('佐藤')}`, staff],
    ['session', '/api/auth/session', staff],
    ['report', `/api/reports?from=${from}&to=${to}`, hq],
  ]
  const bareUrl = `${server.bare}/cases/${server.caseId}`
  const quiet = () => settle(server.bare)
  const lines: string[] = []
  const shares = new Map<number, { share: number; rounds: string[] }>()
  console.log(`  ${load()} at the start`)
  for (const connections of CONNECTIONS) {
    // Case detail against the bare route in pairs, each pair's own ratio, and their median. The
    // machine's pace drifts over seconds (the bare route alone moved 1,800–5,700 req/s from one
    // run to the next): with three pairs of 5 s runs the pairs' ratios spread over 25–86% on
    // one machine in one hour; with pairs of 2 s runs, 42–57% on the same server. So many short
    // pairs, each in the other order than the last, so that a drift within a pair favours
    // neither endpoint; each endpoint is warmed up once, before its first run.
    const rounds: { bare: Load; detail: Load }[] = []
    const run = (url: string, cookie: string | undefined, round: number) =>
      loadTest(url, connections, quiet, cookie, { seconds: PAIR_SECONDS, warmUp: round === 0 })
    const detailUrl = `${server.base}${detailPath}`
    for (let round = 0; round < PAIRS; round++) {
      let bare: Load
      let detail: Load
      if (round % 2 === 0) {
        bare = await run(bareUrl, undefined, round)
        detail = await run(detailUrl, staff, round)
      } else {
        detail = await run(detailUrl, staff, round)
        bare = await run(bareUrl, undefined, round)
      }
      console.log(row('bare route', bare))
      console.log(row('case detail', detail))
      rounds.push({ bare, detail })
    }
    const ratios = rounds.map((r) => (r.detail.failed ? 0 : r.detail.rps) / r.bare.rps)
    shares.set(connections, {
      share: median(ratios),
      rounds: rounds.map((r, i) => `${fmt(r.detail.rps)}/${fmt(r.bare.rps)} = ${fmt(ratios[i]! * 100, 1)}%`),
    })
    for (const [what, path, cookie] of endpoints) {
      const l = await loadTest(`${server.base}${path}`, connections, quiet, cookie)
      console.log(row(what, l))
    }
    console.log(`  ${load()}`)
  }
  for (const [connections, { share, rounds }] of shares) {
    lines.push(
      `${label}, ${connections} connections: case detail/bare route, median of ${PAIRS} pairs ${fmt(share * 100, 1)}%` +
        ` (${rounds.join(', ')}) → ${verdict(share >= TARGETS.detailShareOfBare)} (≥ ${TARGETS.detailShareOfBare * 100}%)`,
    )
  }
  if (postgres) {
    const l = await loadTest(`${server.base}/api/cases`, 20, quiet, staff)
    console.log(row('case list', l))
    lines.push(
      `${label}: case list at 20 connections p99 ${fmt(l.p99)} ms (${fmt(l.rps)} req/s)` +
        ` → ${verdict(!l.failed && l.p99 < TARGETS.listP99At20Ms)} (p99 < ${TARGETS.listP99At20Ms} ms)`,
    )
  }
  lines.push(load())
  return lines
}

/** Starts the app server for `job`, measures it and stops it; a failure becomes the store's line. */
async function measureServer(label: string, job: Parameters<typeof startServer>[0], postgres: boolean) {
  try {
    const { child, server } = await startServer(job)
    try {
      return await measure(label, server, postgres)
    } finally {
      await stop(child)
    }
  } catch (error) {
    return [`${label}: FAILED ${(error as Error).message}`]
  }
}

/** Runs the many-users benchmark on PostgreSQL (when a server is named) and PGlite. */
export async function runUsersBench(serverUrl: string | undefined): Promise<string[]> {
  const lines: string[] = []
  if (serverUrl) {
    console.log('\nMany users on PostgreSQL (a fresh database, the application role under RLS)')
    const fresh = await freshDatabase(serverUrl)
    const appRole = `yorisoi_bench_app_${randomBytes(4).toString('hex')}`
    try {
      lines.push(...(await measureServer('PostgreSQL', { url: fresh.url, appRole }, true)))
    } finally {
      await fresh.drop()
      const admin = await openDatabase({ url: serverUrl, tenantScoped: false })
      await admin.db.execute(sql.raw(`DROP ROLE IF EXISTS ${appRole}`)).finally(() => admin.close())
    }
  } else lines.push('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)')
  console.log('\nMany users on PGlite (a fresh data folder, fsync on)')
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-users-pglite-'))
  try {
    lines.push(...(await measureServer('PGlite', { dataDir: join(work, 'store') }, false)))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return lines
}
