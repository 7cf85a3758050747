import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openStore } from '#server/db/open-store.ts'
import { orgUnits, tenants, wards } from '#server/db/schema/index.ts'
import { runCommand } from '#server/test/run-command.ts'
import { runCity } from './city.cli.ts'

/** Runs the command in this process (server/test/run-command.ts). */
const run = (args: string[], env: Record<string, string>) => runCommand(runCity, args, env)

describe('npm run yorisoi -- city create', () => {
  it('creates an empty or a reference city with its first-administrator link, and refuses a second one or a bad id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-city-'))
    const env = { YORISOI_DATA_DIR: dir, DATABASE_URL: '', YORISOI_PUBLIC_URL: 'http://localhost:3000' }
    try {
      const empty = await run(['create', 'otsu', '--name', '大津市'], env)
      expect(empty.code, empty.output).toBe(0)
      expect(empty.output).toMatch(/an empty organisation/)
      expect(empty.output).toMatch(/\/setup#token=otsu\.[A-Za-z0-9_-]+/)
      const reference = await run(['create', 'kusatsu', '--name', '草津市', '--from-reference'], env)
      expect(reference.code, reference.output).toBe(0)

      expect((await run(['create', 'otsu', '--name', '大津市'], env)).code).toBe(2)
      expect((await run(['create', 'Otsu City', '--name', 'x'], env)).code).toBe(2)
      expect((await run(['create', 'moriyama'], env)).code).toBe(2)

      const store = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      try {
        const db = store.db
        expect((await db.select().from(tenants).where(eq(tenants.id, 'otsu')))[0]?.name).toBe('大津市')
        expect(await db.select().from(wards).where(eq(wards.tenantId, 'otsu'))).toEqual([])
        const otsuUnits = await db.select().from(orgUnits).where(eq(orgUnits.tenantId, 'otsu'))
        expect(otsuUnits.map((u) => u.kind)).toEqual(['headquarters'])
        expect(await db.select().from(wards).where(eq(wards.tenantId, 'kusatsu'))).toHaveLength(14)
        const sections = await db
          .select()
          .from(orgUnits)
          .where(and(eq(orgUnits.tenantId, 'kusatsu'), eq(orgUnits.kind, 'ward_section')))
        expect(sections).toHaveLength(56)
        expect(await db.select().from(tenants).where(eq(tenants.id, 'moriyama'))).toEqual([])
      } finally {
        await store.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
