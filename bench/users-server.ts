// The many-users benchmark's server (forked by users-bench.ts, with the product's V8 flags): one
// city of the bench's size (generate-ledger.ts) imported into a fresh store, then the real app
// (buildApp, request logging off) listening on loopback — on PostgreSQL as the application's role
// under row-level security, as a deployment with DATABASE_MIGRATION_URL runs — and beside it a
// bare Fastify route that runs case detail's SELECT (findCaseView) through the same pool, with no
// session, transaction or audit: what the database alone would allow. The job comes as JSON in
// argv[2]; the addresses and the staff's logins go back over IPC; the parent kills the process.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import { buildApp } from '#server/app.ts'
import { type DatabaseHandle, openDatabase, postgresPool } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { grantAppRole } from '#server/db/roles.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { toCaseDetail } from '#server/modules/cases/cases.dto.ts'
import { findCaseView } from '#server/modules/cases/cases.repository.ts'
import { importLedger } from '#server/modules/interchange/import-ledger.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { systemClock } from '#server/platform/clock.ts'
import { writeSetting } from '#server/platform/settings-store.ts'
import { testAppConfig } from '#server/test/harness.ts'
import { generateLedger } from './generate-ledger.ts'
import { benchStaff } from './staff.ts'

export interface UsersJob {
  /** A fresh PostgreSQL database (the server's superuser: it makes the app role); else PGlite in dataDir. */
  url?: string
  dataDir?: string
  /** The application role to create and serve as (PostgreSQL only). */
  appRole?: string
}

export interface UsersServer {
  error?: string
  base: string
  bare: string
  city: string
  period: { from: string; to: string }
  counsellor: { loginId: string; password: string }
  headquarters: { loginId: string; password: string }
  caseId: string
}

const CITY = 'users'

/** The store, migrated and holding the city; on PostgreSQL reopened as the application's role. */
async function prepare(job: UsersJob, work: string) {
  const owner = await openDatabase(job.url ? { url: job.url } : { dataDir: job.dataDir })
  await migrateDatabase(owner)
  await ensureCity(owner.db, { id: CITY, name: '計測市' })
  const ledger = generateLedger(work)
  const imported = await importLedger(owner.db, CITY, ledger.paths, {
    dryRun: false,
    actor: null,
    now: new Date(),
  })
  if (!imported.ok) throw new Error('the ledger did not import')
  const counsellor = await benchStaff(owner.db, CITY, 'window')
  const headquarters = await benchStaff(owner.db, CITY, 'headquarters')
  // Headquarters signs in without a second factor here: the TOTP step is the login's, not each
  // request's, and the benchmark measures requests.
  await writeSetting(owner.db, CITY, 'twoFactorRoles', [])
  let handle: DatabaseHandle = owner
  if (job.url && job.appRole) {
    await owner.db.execute(
      sql.raw(`CREATE ROLE ${job.appRole} LOGIN PASSWORD '${randomBytes(12).toString('hex')}'`),
    )
    await grantAppRole(owner.db, job.appRole)
    await owner.db.execute(sql`vacuum analyze`)
    await owner.close()
    const url = new URL(job.url)
    url.username = job.appRole
    handle = await openDatabase({ url: url.toString() })
  }
  return { handle, counsellor, headquarters, period: { from: ledger.from, to: ledger.to } }
}

/**
 * Whether the store is still working: on PostgreSQL, connections checked out of the pool or
 * queries waiting for one; on PGlite (one connection, queries queued in turn), a trivial query
 * that waits behind others.
 */
async function storeBusy(db: DatabaseHandle['db']): Promise<boolean> {
  const pool = postgresPool(db)
  if (pool) return pool.waitingCount > 0 || pool.idleCount < pool.totalCount
  const started = performance.now()
  await db.execute(sql`select 1`)
  return performance.now() - started > 20
}

async function main(job: UsersJob): Promise<UsersServer> {
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-users-'))
  try {
    const { handle, counsellor, headquarters, period } = await prepare(job, work)
    const db = handle.db
    const app = await buildApp({ db, clock: systemClock, config: testAppConfig({ defaultCity: CITY }) })
    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const bare = Fastify()
    bare.get<{ Params: { id: string } }>('/cases/:id', async (request, reply) => {
      const view = await withTenant(CITY, () => findCaseView(db, CITY, request.params.id, { kind: 'window' }))
      return view ? toCaseDetail(view) : reply.code(404).send()
    })
    // For the parent between two load tests: the requests a finished test left in flight still
    // hold the store, and would slow the next test down.
    bare.get('/busy', async () => ({ busy: await storeBusy(db) }))
    const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' })
    // A window case: the counsellor's scope, so that detail answers 200.
    const found = (await withTenant(CITY, () =>
      db.execute(sql`select id from cases where tenant_id = ${CITY} and intake_unit = 'window' limit 1`),
    )) as unknown as { rows: { id: string }[] }
    return {
      base,
      bare: bareBase,
      city: CITY,
      period,
      counsellor: { loginId: counsellor.loginId, password: counsellor.password },
      headquarters: { loginId: headquarters.loginId, password: headquarters.password },
      caseId: found.rows[0]!.id,
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as UsersJob
main(job).then(
  (server) => process.send?.(server),
  (error: unknown) =>
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
)
