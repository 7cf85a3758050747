import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Which city's rows the database lets the current work see (row-level security, migration
 * 0013_rls). Every connection the PostgreSQL pool hands out first gets `yorisoi.tenant` set to
 * the scope of the code that asked for it (client.ts), so the policies filter even a query that
 * forgets its `tenant_id` condition.
 *
 * - A request runs in a scope of its own from its first hook (`enterRequestScope`): the city of
 *   its session, or '' — no city's rows — until something names one (`scopeRequestTo`: login, a
 *   password link, whose city is in its token).
 * - Work outside requests (start-up, commands, the benchmark, tests' own checks) is the
 *   operator's: all cities ('*'), unless it narrows itself with `withTenant`.
 * - `anyTenant` marks queries on tables without city rows (sessions): they leave the
 *   connection's setting as it is and save the round trip of changing it.
 */
export const ALL_CITIES = '*'
/** No city: what a request may see before its city is known. */
export const NO_CITY = ''
const KEEP = Symbol('keep')

type Scope = { tenantId: string | typeof KEEP; forReport?: boolean }
const storage = new AsyncLocalStorage<Scope>()

/** The city (or ALL_CITIES / NO_CITY) a connection must be set to now; KEEP: whatever it has. */
export function currentTenantScope(): string | typeof KEEP {
  return storage.getStore()?.tenantId ?? ALL_CITIES
}
export { KEEP as KEEP_TENANT }

/** Runs `fn` (and everything it starts) with one city's rows only. */
export function withTenant<T>(tenantId: string, fn: () => T): T {
  return storage.run({ tenantId }, fn)
}

/** For queries on tables that hold no city's rows (the session store). */
export function anyTenant<T>(fn: () => T): T {
  return storage.run({ tenantId: KEEP }, fn)
}

/** A request's scope, for an onRequest hook in callback style (so that the rest of the request runs inside it). */
export function enterRequestScope(tenantId: string | undefined, done: () => void): void {
  storage.run({ tenantId: tenantId || NO_CITY }, done)
}

/**
 * Names the city of the current request once it is known from what the caller sent (login's
 * city, a password link's token). Outside a request it changes nothing.
 */
export function scopeRequestTo(tenantId: string): void {
  const scope = storage.getStore()
  if (scope) scope.tenantId = tenantId
}

/** Whether the current work's connections run with the report's settings (withReportSettings). */
export function currentReportSettings(): boolean {
  return storage.getStore()?.forReport === true
}

/**
 * The report's settings (SET, or SET LOCAL in a transaction; RESET gives the server's own back):
 * - no JIT compilation: compiling the report's aggregates cost more than it saved (11 ms at
 *   10,000 cases, 155–179 ms at 5–20 times that);
 * - work_mem 32 MB instead of 4: the current lead of every case (a sort of all reviews with their
 *   meetings) spilled to disk at 20 times the bench city, and took twice as long;
 * - no parallel workers: the report's sections already run side by side on the pool, and the
 *   workers of one (the window's consultations) only competed with the others for the cores
 *   (at 20 times the bench city on 2 cores the report's medians 276–290 -> 264–269 ms, load 3.5–4.3).
 */
export const REPORT_SETTINGS = { jit: 'off', work_mem: '32MB', max_parallel_workers_per_gather: '0' } as const

/**
 * The embedded store's own report settings (PGlite is PostgreSQL 17; a PostgreSQL 15 server
 * refuses a setting it does not know): no presorted aggregates. With them the planner sorted
 * every review of the period with its columns ahead of the meetings' count(distinct) instead of
 * letting the aggregate sort the case ids alone: 122–136 ms for that statement at 20 times the
 * bench city, 101–108 without; the whole report 751–761 -> 704–736 ms (load 4.7–5.4).
 */
export const EMBEDDED_REPORT_SETTINGS = { enable_presorted_aggregate: 'off' } as const

/**
 * Runs `fn` with the report's settings on every PostgreSQL connection it checks out
 * (tenant-pool.ts; a transaction sets them LOCAL itself), in the same city.
 */
export function withReportSettings<T>(fn: () => T): T {
  const scope = storage.getStore()
  return storage.run({ tenantId: scope?.tenantId ?? ALL_CITIES, forReport: true }, fn)
}

/** A `SET name = value` statement per report setting, LOCAL in a transaction. */
export function reportSettingsSql(local = false): string[] {
  return Object.entries(REPORT_SETTINGS).map(
    ([name, value]) => `SET ${local ? 'LOCAL ' : ''}${name} = '${value}'`,
  )
}

/** `RESET name` statements: back to the server's own settings. */
export const RESET_REPORT_SETTINGS = Object.keys(REPORT_SETTINGS).map((name) => `RESET ${name}`)

/** The report's settings and the embedded store's own, for its one connection. */
export const EMBEDDED_REPORT_SETTINGS_SQL = [
  ...reportSettingsSql(),
  ...Object.entries(EMBEDDED_REPORT_SETTINGS).map(([name, value]) => `SET ${name} = '${value}'`),
]

/** Back to the embedded store's own settings after a report. */
export const RESET_EMBEDDED_REPORT_SETTINGS = [
  ...RESET_REPORT_SETTINGS,
  ...Object.keys(EMBEDDED_REPORT_SETTINGS).map((name) => `RESET ${name}`),
]
