// A process that dies while an import moves its rows on the embedded store (kill -9, power cut)
// leaves the city half imported, with the import's undo log committed alongside (undo-log.ts).
// The next opening of the store puts every row back as it was before the import, logs it without
// personal data and audits it (server/db/interrupted-imports.ts). The import runs in a child
// process that kills itself with SIGKILL right after a given move has committed, on a
// folder-backed store with fsync on, as the server runs.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '#server/db/client.ts'
import { openStore } from '#server/db/open-store.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { baseLedger, importDir, secondLedger, storedRows, tempDir } from './test-ledger.ts'

const work = mkdtempSync(join(tmpdir(), 'yorisoi-crash-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const root = join(import.meta.dirname, '..', '..', '..')
/** Node from the `node` dependency, with tsx, as every npm script runs. */
const nodeBin = join(root, 'node_modules', '.bin', 'node')

/**
 * Runs the import in a child that dies after `count` transactions of its `step` (the moves of
 * its rows, or the parts of its tallies' recount); answers the signal it ended by.
 */
function importAndDie(
  dataDir: string,
  tenantId: string,
  ledger: string,
  count: number,
  step: 'moves' | 'recount' = 'moves',
) {
  const child = spawn(
    nodeBin,
    [
      '--liftoff-only',
      '--import',
      'tsx',
      join(import.meta.dirname, 'import-crash.child.ts'),
      dataDir,
      tenantId,
      ledger,
      String(count),
      step,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (chunk) => {
    out += chunk
  })
  return new Promise<{ signal: string | null; out: string }>((resolve) =>
    child.once('exit', (_code, signal) => resolve({ signal, out })),
  )
}

const one = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows

/** A new store with a city that has imported the base ledger; answers the city's rows. */
async function cityWithLedger(dataDir: string, tenantId: string) {
  const store = await openStore({ dataDir, databaseUrl: undefined, databaseMigrationUrl: undefined })
  try {
    await ensureCity(store.db, { id: tenantId, name: 'テスト市' })
    expect((await importDir(store.db, tenantId, [baseLedger(tempDir())])).errors).toEqual([])
    return await storedRows(store.db, tenantId)
  } finally {
    await store.close()
  }
}

/** Opens the store as the server does (undoing what was interrupted), noting the lines it logs. */
async function reopen(dataDir: string, lines: string[]) {
  return openStore({ dataDir, databaseUrl: undefined, databaseMigrationUrl: undefined }, (line) =>
    lines.push(line),
  )
}

describe('an import whose process dies', () => {
  it('is undone when the store is opened again: every row of the city as before, logged and audited', async () => {
    const dataDir = join(work, 'store')
    const tenantId = 'tcrash'
    const before = await cityWithLedger(dataDir, tenantId)

    // Moves of 200 rows: the new cases alone take six, so the ninth is in the middle.
    const died = await importAndDie(dataDir, tenantId, secondLedger(), 9)
    expect(died).toEqual({ signal: 'SIGKILL', out: '' })

    // Opened without start-up's undoing: the city is half imported, its undo log is there.
    const raw = await openDatabase({ dataDir })
    try {
      expect(await storedRows(raw.db, tenantId)).not.toEqual(before)
      const [log] = await one<{ n: number }>(
        raw.db,
        // Rows noted: images, and the keys of added rows (a log row holds a statement's).
        sql.raw(
          `select (count(old) + coalesce(sum(jsonb_array_length(added)), 0))::int as n from import_undo."${tenantId}"`,
        ),
      )
      expect(log!.n).toBeGreaterThan(1000)
    } finally {
      await raw.close()
    }

    const lines: string[] = []
    const again = await reopen(dataDir, lines)
    try {
      expect(await storedRows(again.db, tenantId)).toEqual(before)
      expect(lines).toEqual([
        expect.stringMatching(/^an interrupted import of city tcrash was undone: \d+ rows restored$/),
      ])
      const logs = await one<{ n: number }>(
        again.db,
        sql`select count(*)::int as n from pg_tables where schemaname = 'import_undo'`,
      )
      expect(logs).toEqual([{ n: 0 }])
      const audits = await one<{ login: string; detail: Record<string, unknown> }>(
        again.db,
        sql`select actor_login as login, detail from audit_log
          where tenant_id = ${tenantId} and action = 'ledger.import' order by id`,
      )
      expect(audits.at(-1)).toEqual({
        login: 'system',
        detail: { dryRun: false, ok: false, interrupted: true, restored: expect.any(Number) },
      })
      // The city imports again, whole.
      expect((await importDir(again.db, tenantId, [secondLedger()])).errors).toEqual([])
      expect(await storedRows(again.db, tenantId)).not.toEqual(before)
    } finally {
      await again.close()
    }
    // Opened once more: nothing left to undo.
    const third = await reopen(dataDir, lines)
    await third.close()
    expect(lines).toHaveLength(1)
  }, 120_000)

  it("while its city's report tallies are counted again at its end: the tallies are as before too", async () => {
    const dataDir = join(work, 'store-recount')
    const tenantId = 'tcrash2'
    const before = await cityWithLedger(dataDir, tenantId)

    // Every row moved, the tallies taken away and their first part counted again: then the end.
    const died = await importAndDie(dataDir, tenantId, secondLedger(), 1, 'recount')
    expect(died).toEqual({ signal: 'SIGKILL', out: '' })
    const raw = await openDatabase({ dataDir })
    try {
      const half = await storedRows(raw.db, tenantId)
      expect(half.contacts).not.toEqual(before.contacts)
    } finally {
      await raw.close()
    }

    const lines: string[] = []
    const again = await reopen(dataDir, lines)
    try {
      // Every row and every tally (storedRows reads both) as before the import.
      expect(await storedRows(again.db, tenantId)).toEqual(before)
      expect(lines).toEqual([
        expect.stringMatching(/^an interrupted import of city tcrash2 was undone: \d+ rows restored$/),
      ])
    } finally {
      await again.close()
    }
  }, 120_000)
})
