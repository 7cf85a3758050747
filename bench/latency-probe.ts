// Another city's worker using the service while a ledger is imported: the real app (buildApp) on
// the same store listens on a local port, a window counsellor of the benchmark city (10,000
// cases) signs in, and a case list is requested every INTERVAL_MS, whether or not the previous
// one has been answered, as people arriving at random moments would. Each request's latency
// counts from the moment it was due, so a request held up by the import shows all of its wait.
// Beside it, and half an interval later, a colleague opens a case's detail at the same rate.
// The same requests are first timed for a few seconds without an import, for comparison.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { and, eq } from 'drizzle-orm'
import { buildApp } from '#server/app.ts'
import type { Db } from '#server/db/client.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import { importLedger } from '#server/modules/interchange/import-ledger.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { systemClock } from '#server/platform/clock.ts'
import { hashPassword } from '#server/platform/crypto.ts'
import type { AppDeps } from '#server/platform/deps.ts'

/** A few people at work: well within what either store answers when nothing else runs. */
const INTERVAL_MS = 250
const BASELINE_REQUESTS = 20

export interface ProbeResult {
  /** Latency of each case list requested during the import, ms. */
  latenciesMs: number[]
  /** The same, for BASELINE_REQUESTS requests before the import. */
  baselineMs: number[]
  /** Latency of each case detail requested during the import, and before it, ms. */
  detailMs: number[]
  detailBaselineMs: number[]
  intervalMs: number
  /** Requests that did not answer 200. */
  failures: number
  importMs: number
  importOk: boolean
}

export async function signIn(base: string, city: string, loginId: string, password: string): Promise<string> {
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  const first = await fetch(`${base}/api/auth/session`)
  const { csrfToken } = (await first.json()) as { csrfToken: string }
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { cookie: cookieOf(first), 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ city, loginId, password }),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return cookieOf(res) || cookieOf(first)
}

/** A window counsellor of `tenantId` with a random password. */
export async function counsellor(db: Db, tenantId: string) {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.kind, 'window')))
  const password = randomBytes(18).toString('base64url')
  const loginId = `probe${randomBytes(3).toString('hex')}`
  await db.insert(accounts).values({
    tenantId,
    loginId,
    name: '計測用 窓口',
    role: 'window_counsellor',
    unitId: unit!.id,
    passwordHash: await hashPassword(password),
  })
  return { loginId, password }
}

/**
 * Imports the ledger into a new city `importInto` while a counsellor of `listedCity` lists cases
 * through the app, and returns the lists' latencies.
 */
export async function probeDuringImport(
  db: Db,
  paths: string[],
  listedCity: string,
  importInto: string,
): Promise<ProbeResult> {
  await ensureCity(db, { id: importInto, name: '計測市' })
  const config: AppDeps['config'] = {
    idleMinutes: 30,
    defaultCity: listedCity,
    sessionSecret: randomBytes(32).toString('hex'),
    twoFactorKey: randomBytes(32).toString('hex'),
    trustProxy: [],
    publicUrl: 'http://localhost',
    loginRateLimit: 100_000,
    loginAddressRateLimit: 100_000,
  }
  const app = await buildApp({ db, clock: systemClock, config })
  try {
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const user = await counsellor(db, listedCity)
    const cookie = await signIn(base, listedCity, user.loginId, user.password)
    const get = async (path: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } })
      const body = await res.arrayBuffer()
      return { status: res.status, body }
    }
    /** A request's status; 0 when it did not complete (a reset connection counts as a failure). */
    const status = (path: string) =>
      get(path).then(
        (r) => r.status,
        () => 0,
      )
    const list = () => status('/api/cases')
    const firstCase = (await get('/api/cases')).body
    const caseId = (JSON.parse(Buffer.from(firstCase).toString('utf8')) as { items: { id: string }[] })
      .items[0]!.id
    const detail = () => status(`/api/cases/${caseId}`)
    for (let i = 0; i < 5; i++) await Promise.all([list(), detail()]) // warm-up
    let failures = 0
    /** Requests one due every INTERVAL_MS from `offset` until `until` settles; their latencies. */
    const arrivals = async <T>(request: () => Promise<number>, until: Promise<T>, offset = 0) => {
      const latencies: number[] = []
      const pending: Promise<void>[] = []
      let settled = false
      void until.finally(() => {
        settled = true
      })
      let next = performance.now() + offset
      await new Promise((resolve) => setTimeout(resolve, offset))
      while (!settled) {
        const due = next
        pending.push(
          request().then((status) => {
            latencies.push(performance.now() - due)
            if (status !== 200) failures++
          }),
        )
        next += INTERVAL_MS
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())))
      }
      await Promise.all(pending)
      return { latencies, value: await until }
    }
    const pause = new Promise((resolve) => setTimeout(resolve, BASELINE_REQUESTS * INTERVAL_MS))
    const [baseline, detailBaseline] = await Promise.all([
      arrivals(list, pause),
      arrivals(detail, pause, INTERVAL_MS / 2),
    ])
    const started = performance.now()
    const imported = importLedger(db, importInto, paths, {
      dryRun: false,
      actor: null,
      now: new Date(),
    }).then((result) => ({ result, importMs: performance.now() - started }))
    const [during, details] = await Promise.all([
      arrivals(list, imported),
      arrivals(detail, imported, INTERVAL_MS / 2),
    ])
    const { latencies: latenciesMs, value } = during
    const { result, importMs } = value
    return {
      latenciesMs,
      baselineMs: baseline.latencies,
      detailMs: details.latencies,
      detailBaselineMs: detailBaseline.latencies,
      intervalMs: INTERVAL_MS,
      failures,
      importMs,
      importOk: result.ok,
    }
  } finally {
    await app.close()
  }
}
