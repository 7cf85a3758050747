import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './client.ts'

// PGlite's server settings (client.ts, PGLITE_START): its WebAssembly memory never shrinks, so
// PostgreSQL's shared buffers, which live in it, are kept small.
describe('the embedded store’s settings', () => {
  it.each([
    ['in memory', false],
    ['in a data folder', true],
  ])('keep shared buffers small, %s', async (_label, folder) => {
    const dataDir = folder ? mkdtempSync(join(tmpdir(), 'yorisoi-settings-')) : undefined
    const handle = await openDatabase(dataDir ? { dataDir } : {})
    try {
      const shown = (await handle.db.execute(
        sql`select current_setting('shared_buffers') as buffers`,
      )) as unknown as { rows: { buffers: string }[] }
      expect(shown.rows[0]).toEqual({ buffers: '8MB' })
    } finally {
      await handle.close()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
