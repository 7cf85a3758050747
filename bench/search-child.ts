// The search benchmark's child (forked by bench/search-bench.ts, with the same V8 flags as the
// product): open the store, migrate, seed SEARCH_CASES cases with their consulters and phones, then
// time the case list's search as a window counsellor uses it — listCases, the service the route
// calls, with its transaction and audit row — over a mix of what staff type into the search box.
// The job comes as JSON in argv[2]; the result goes back over IPC.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { and, eq } from 'drizzle-orm'
import { openDatabase } from '#server/db/client.ts'
import { migrateDatabase } from '#server/db/migrate.ts'
import { accounts, orgUnits } from '#server/db/schema/index.ts'
import { listCases } from '#server/modules/cases/read-cases.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { systemClock } from '#server/platform/clock.ts'
import { caseNoOf, mailOf, motherDigitsOf, seedSearchCity } from './search-seed.ts'

export interface SearchJob {
  /** postgres://… for PostgreSQL; otherwise PGlite in dataDir. */
  url?: string
  dataDir?: string
  /** Rounds over the query mix (each round asks every kind once). */
  rounds: number
  /** The city's size (SEARCH_CASES unless the run asks for fewer). */
  cases: number
}

export interface SearchResult {
  error?: string
  seedMs: number
  cases: number
  /** Latencies per kind of query, ms. */
  byKind: Record<string, number[]>
  /** How many cases each of a kind's six queries finds (a sanity check: a query finding 0 is fast for the wrong reason). */
  found: Record<string, number[]>
}

const TENANT = 'searchbench'
const toFullWidth = (s: string) =>
  s.replace(/[0-9()-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))

/** A window counsellor's phone number as typed: ０７５（１２３）４５６７. */
const fullWidthPhone = (digits: string) =>
  toFullWidth(`${digits.slice(0, 3)}(${digits.slice(3, 6)})${digits.slice(6)}`)

/**
 * What staff type, by kind; round r picks the r-th of each list (varied, so no one plan is cached).
 * Every name is one the seed gives cases a window counsellor may see: its pools pair surnames, given
 * names and intake units by modulo, so most pairs never occur or are only a ward's.
 */
function queryOf(kind: string, r: number, cases: number): string {
  const i = 1 + ((r * 7919 + 13) % cases) // a window case (i % 10 < 7) most of the time
  switch (kind) {
    case 'name kanji':
      return ['加藤 拓也', '髙橋', '安藤 亮', '佐藤', '山崎 大輔', '齋藤'][r % 6]!
    case 'katakana':
      return ['カトウ', 'カトウタクヤ', 'アンドウ リョウ', 'サトウ', 'ヤマザキ', 'アオキ ショウタ'][r % 6]!
    case 'kana 1 char':
      return ['ア', 'か', 'さ', 'ヤ', 'い', 'ワ'][r % 6]!
    case 'phone full-width':
      return fullWidthPhone(motherDigitsOf(i))
    case 'case number':
      return caseNoOf(i)
    case 'mail':
      return mailOf(i - (i % 3) || 3)
    default:
      throw new Error(kind)
  }
}
const KINDS = ['name kanji', 'katakana', 'kana 1 char', 'phone full-width', 'case number', 'mail']

async function main(job: SearchJob): Promise<SearchResult> {
  const handle = await openDatabase(job.url ? { url: job.url } : { dataDir: job.dataDir, fsync: false })
  try {
    const db = handle.db
    await migrateDatabase(handle)
    await ensureCity(db, { id: TENANT, name: '検索計測市' })
    const started = performance.now()
    await seedSearchCity(db, TENANT, job.cases)
    const seedMs = performance.now() - started

    const [unit] = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.tenantId, TENANT), eq(orgUnits.kind, 'window')))
    const loginId = `search${randomBytes(3).toString('hex')}`
    const [account] = await db
      .insert(accounts)
      .values({ tenantId: TENANT, loginId, name: '計測用 窓口', role: 'window_counsellor', unitId: unit!.id })
      .returning()
    const actor: Actor = {
      tenantId: TENANT,
      accountId: account!.id,
      loginId,
      name: account!.name,
      role: 'window_counsellor',
      unitId: unit!.id,
      unitKind: 'window',
      unitName: unit!.name,
      wardCode: null,
      cityName: '検索計測市',
      clientAddress: '127.0.0.1',
    }
    const deps = { db, clock: systemClock }
    const search = (q: string) =>
      listCases(deps, actor, { q, order: 'desc', page: 1, pageSize: 50 } as Parameters<typeof listCases>[2])

    // Also the warm-up.
    const found: Record<string, number[]> = {}
    for (const kind of KINDS) {
      found[kind] = []
      for (let r = 0; r < 6; r++) found[kind].push((await search(queryOf(kind, r, job.cases))).total)
    }
    const byKind: Record<string, number[]> = Object.fromEntries(KINDS.map((k) => [k, []]))
    for (let r = 1; r <= job.rounds; r++) {
      for (const kind of KINDS) {
        const t = performance.now()
        await search(queryOf(kind, r, job.cases))
        byKind[kind]!.push(performance.now() - t)
      }
    }
    return { seedMs, cases: job.cases, byKind, found }
  } finally {
    await handle.close()
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as SearchJob
main(job).then(
  (result) => process.send?.(result),
  (error: unknown) =>
    process.send?.({
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } as SearchResult),
)
