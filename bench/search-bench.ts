// The search box at a city of 100,000 cases (issue 9): on PGlite (a fresh data folder) and on
// PostgreSQL (a fresh database), each in a child process (search-child.ts) that seeds the city and
// times the case list's search over a mix of queries. `BENCH_ONLY=search npm run bench` runs only
// this part. Prints p50/p95 per kind of query and the p95 of the whole mix against the target.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forkChild } from './child.ts'
import { fmt, percentile } from './figures.ts'
import { freshDatabase } from './fresh-database.ts'
import type { SearchJob, SearchResult } from './search-child.ts'
import { SEARCH_CASES } from './search-seed.ts'

/** p95 of the mix on PostgreSQL (the target); PGlite's is reported for comparison. */
const TARGET_P95_MS = 100
const ROUNDS = 40
/**
 * PGlite writes the search columns and keys of 100,000 cases and their people slowly (minutes:
 * ~2 ms a row); BENCH_SEARCH_PGLITE_CASES sets a smaller city for a quick run.
 */
const pgliteCases = Number(process.env.BENCH_SEARCH_PGLITE_CASES) || SEARCH_CASES

const runChild = (job: SearchJob) => forkChild<SearchResult>('./search-child.ts', job, 'server')

function report(label: string, r: SearchResult, target: number | null): string {
  console.log(
    `  seeded ${fmt(r.cases)} cases with their consulters and phones in ${fmt(r.seedMs / 1000, 1)} s`,
  )
  for (const [kind, ms] of Object.entries(r.byKind)) {
    console.log(
      `  ${kind.padEnd(17)} found ${(r.found[kind] ?? []).join('/').padStart(20)}:` +
        ` p50 ${fmt(percentile(ms, 50), 1)} ms, p95 ${fmt(percentile(ms, 95), 1)} ms, max ${fmt(Math.max(...ms), 1)} ms`,
    )
  }
  const all = Object.values(r.byKind).flat()
  const p95 = percentile(all, 95)
  const verdict = target === null ? '' : p95 < target ? ' PASS' : ' MISS'
  const line = `${label}: search p95 ${fmt(p95, 1)} ms over ${all.length} searches (p50 ${fmt(percentile(all, 50), 1)} ms)${verdict}`
  console.log(`  ${line}`)
  return line
}

/** Runs the search benchmark on both stores; returns the summary lines. */
export async function runSearchBench(): Promise<string[]> {
  const lines: string[] = []
  console.log(
    `\nSearch at ${fmt(SEARCH_CASES)} cases (case list q, a window counsellor, ${ROUNDS} rounds of 6 kinds)`,
  )
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    lines.push('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)')
    console.log('\nPostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL.')
  } else {
    console.log('\nPostgreSQL (a fresh database)')
    try {
      const db = await freshDatabase(serverUrl)
      try {
        lines.push(
          report(
            'PostgreSQL',
            await runChild({ url: db.url, rounds: ROUNDS, cases: SEARCH_CASES }),
            TARGET_P95_MS,
          ),
        )
      } finally {
        await db.drop()
      }
    } catch (error) {
      lines.push(`PostgreSQL: FAILED ${(error as Error).message}`)
      console.log(`  FAILED: ${(error as Error).message}`)
    }
  }
  console.log(`  (target: p95 < ${TARGET_P95_MS} ms on PostgreSQL)`)
  console.log(`\nPGlite (a fresh data folder, ${fmt(pgliteCases)} cases)`)
  const work = mkdtempSync(join(tmpdir(), 'yorisoi-search-bench-'))
  try {
    lines.push(
      report(
        'PGlite',
        await runChild({ dataDir: join(work, 'pglite'), rounds: ROUNDS, cases: pgliteCases }),
        null,
      ),
    )
  } catch (error) {
    lines.push(`PGlite: FAILED ${(error as Error).message}`)
    console.log(`  FAILED: ${(error as Error).message}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return lines
}
