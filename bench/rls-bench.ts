// What row-level security (migration 0013_rls, server/db/tenant-pool.ts) costs on PostgreSQL:
// the benchmark city's ledger imported once, then the full report (computeReport in the city's
// scope, as a request runs it) and the case list (GET /api/cases through the app) timed as the
// application's role — not the server's superuser, which would bypass the policies — with RLS on
// (each connection set to the city) and, as a role with the same rights and BYPASSRLS on a plain
// pool, off; one run of each in turn, so that the server's caches and the machine's load treat
// both alike.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { sql } from 'drizzle-orm'
import { buildApp } from '#server/app.ts'
import { openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { grantAppRole } from '#server/db/roles.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
import { importLedger } from '#server/modules/interchange/import-ledger.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { computeReport } from '#server/modules/reports/compute-report.ts'
import { systemClock } from '#server/platform/clock.ts'
import { testAppConfig } from '#server/test/harness.ts'
import { freshDatabase } from './fresh-database.ts'
import { counsellor } from './latency-probe.ts'

const TENANT = 'bench'
/**
 * Reports per role: 60 (~3 s). With 30 the median's cost moved +1.9% to +10.9% from one run to the
 * next on the same build (five runs), more than RLS itself costs the report.
 */
const REPORTS = 60
const LISTS = 200

interface Times {
  report: number[]
  list: number[]
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** The app on one role's handle, signed in as the window counsellor: a report and a case list to time. */
async function probe(
  url: string,
  on: boolean,
  login: { loginId: string; password: string },
  period: {
    from: string
    to: string
  },
) {
  const handle = await openDatabase({ url, tenantScoped: on })
  const app = await buildApp({ db: handle.db, clock: systemClock, config: testAppConfig() })
  const first = await app.inject({ method: 'GET', url: '/api/auth/session' })
  const signedIn = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { cookie: cookieOf(first.headers['set-cookie']), 'x-csrf-token': first.json().csrfToken },
    payload: { city: TENANT, ...login },
  })
  if (signedIn.statusCode !== 200) throw new Error(`sign-in failed: ${signedIn.statusCode}`)
  const cookie = cookieOf(signedIn.headers['set-cookie'])
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  return {
    report: () => timed(() => withTenant(TENANT, () => computeReport(handle.db, TENANT, period))),
    list: () =>
      timed(async () => {
        const res = await app.inject({ method: 'GET', url: '/api/cases', headers: { cookie } })
        if (res.statusCode !== 200 || res.json().total === 0) throw new Error(`case list: ${res.statusCode}`)
      }),
    close: async () => {
      await app.close()
      await handle.close()
    },
  }
}

function cookieOf(header: string | string[] | undefined): string {
  return (Array.isArray(header) ? header : header ? [header] : []).map((c) => c.split(';')[0]).join('; ')
}

/** The comparison's lines for the benchmark's output. */
export async function runRlsBench(serverUrl: string, paths: string[], period: { from: string; to: string }) {
  const fresh = await freshDatabase(serverUrl)
  const role = `yorisoi_bench_app_${randomBytes(4).toString('hex')}`
  const password = randomBytes(12).toString('hex')
  const owner = await openDatabase({ url: fresh.url })
  try {
    await migrateDatabase(owner)
    await ensureCity(owner.db, { id: TENANT, name: 'ベンチ市' })
    const imported = await importLedger(owner.db, TENANT, paths, {
      dryRun: false,
      actor: null,
      now: new Date(),
    })
    if (!imported.ok) throw new Error('the ledger did not import')
    // The same rights twice: one role under the policies, one that bypasses them (RLS off for
    // it alone), so that both are timed in turns under the same load.
    const bypass = `${role}_bypass`
    await owner.db.execute(sql.raw(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`))
    await owner.db.execute(sql.raw(`CREATE ROLE ${bypass} LOGIN BYPASSRLS PASSWORD '${password}'`))
    await grantAppRole(owner.db, role)
    await grantAppRole(owner.db, bypass)
    const login = await counsellor(owner.db, TENANT)
    const urlOf = (user: string) => {
      const url = new URL(fresh.url)
      url.username = user
      url.password = password
      return url.toString()
    }
    const on = await probe(urlOf(role), true, login, period)
    const off = await probe(urlOf(bypass), false, login, period)
    const all: Record<'on' | 'off', Times> = { on: { report: [], list: [] }, off: { report: [], list: [] } }
    try {
      for (const p of [on, off]) for (let i = 0; i < 3; i++) await p.report().then(p.list)
      for (let i = 0; i < REPORTS; i++) {
        for (const [k, p] of i % 2
          ? ([
              ['off', off],
              ['on', on],
            ] as const)
          : ([
              ['on', on],
              ['off', off],
            ] as const))
          all[k].report.push(await p.report())
      }
      for (let i = 0; i < LISTS; i++) {
        for (const [k, p] of i % 2
          ? ([
              ['off', off],
              ['on', on],
            ] as const)
          : ([
              ['on', on],
              ['off', off],
            ] as const))
          all[k].list.push(await p.list())
      }
    } finally {
      await on.close()
      await off.close()
    }
    const line = (what: string, off: number[], on: number[]) => {
      const cost = (median(on) / median(off) - 1) * 100
      return `${what}: median ${median(off).toFixed(1)} ms without RLS, ${median(on).toFixed(1)} ms with RLS → ${cost >= 0 ? '+' : ''}${cost.toFixed(1)}% ${cost < 10 ? 'PASS' : 'MISS'} (target: under +10%)`
    }
    return [
      "Row-level security on PostgreSQL: the application's role against the same rights with BYPASSRLS, in turns:",
      line(`full report (${all.on.report.length} runs each)`, all.off.report, all.on.report),
      line(`case list through the app (${all.on.list.length} requests each)`, all.off.list, all.on.list),
    ]
  } finally {
    await owner.close()
    await fresh.drop()
    const admin = await openDatabase({ url: serverUrl, tenantScoped: false })
    await admin.db
      .execute(sql.raw(`DROP ROLE IF EXISTS ${role}, ${role}_bypass`))
      .finally(() => admin.close())
  }
}
