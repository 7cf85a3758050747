import { rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '#server/db/open-store.ts'
import { runCommand } from '#server/test/run-command.ts'
import { importLedger, MAX_LEDGER_BYTES } from './import-ledger.ts'
import { runImport } from './interchange.cli.ts'
import { csvText, storedCounts, tempDir } from './test-ledger.ts'

describe('npm run yorisoi -- import', () => {
  it('reads a file over the web upload cap (issue 15), which the upload default still refuses', async () => {
    const dir = tempDir()
    const env = { YORISOI_DATA_DIR: join(dir, 'store'), DATABASE_URL: '', YORISOI_CITY: 'kyoto' }
    try {
      // 1,000 cases, each row padded past the cap by a column with no header (not part of the
      // ledger, so ignored): a file over 30 MiB that still imports in a second or two.
      const pad = 'x'.repeat(32_000)
      const rows = Array.from({ length: 1_000 }, (_, i) => [
        `C-${i + 1}`,
        '2024-04-05',
        'window',
        'self',
        pad,
      ])
      const path = join(dir, 'cases.csv')
      writeFileSync(path, csvText([['case_id', 'opened_on', 'intake_unit', 'first_consulter', ''], ...rows]))
      expect(statSync(path).size).toBeGreaterThan(MAX_LEDGER_BYTES)
      const run = await runCommand(runImport, [path], env)
      expect(run.code, run.output.slice(0, 500)).toBe(0)
      expect(run.output).toMatch(/cases（.*）: 追加 added 1000, 更新 updated 0/)

      const store = await openStore({
        databaseUrl: undefined,
        databaseMigrationUrl: undefined,
        dataDir: env.YORISOI_DATA_DIR,
      })
      try {
        expect((await storedCounts(store.db, 'kyoto')).cases).toBe(1_000)
        // Without the command line's maxBytes, as the web upload's route calls it: refused unread.
        const capped = await importLedger(store.db, 'kyoto', [path], {
          dryRun: true,
          actor: null,
          now: new Date(),
        })
        expect(capped.ok).toBe(false)
        expect(capped.errors[0]?.reason).toBe(
          `ファイルが大きすぎます（上限${MAX_LEDGER_BYTES / 1024 / 1024}MB）`,
        )
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
