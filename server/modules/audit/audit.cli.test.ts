import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { runDb } from '#server/db/db.cli.ts'
import { openStore } from '#server/db/open-store.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { runCommand } from '#server/test/run-command.ts'
import { runAudit } from './audit.cli.ts'

const run = runCommand

describe('npm run yorisoi -- audit verify', () => {
  it('exits 0 on an intact log and 1 naming the first broken row, without its content', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-audit-'))
    const env = { YORISOI_DATA_DIR: dir, DATABASE_URL: '' }
    try {
      const store = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      const actor = {
        tenantId: 'kyoto',
        accountId: '00000000-0000-4000-8000-000000000001',
        loginId: 'sato',
        name: '',
        role: 'admin' as const,
        unitId: '00000000-0000-4000-8000-000000000002',
        unitKind: 'headquarters' as const,
        unitName: '',
        wardCode: null,
        cityName: '',
        clientAddress: '192.0.2.1',
      }
      for (let i = 0; i < 5; i++) {
        await writeAudit(store.db, actor, new Date(), {
          action: 'case.read',
          recordType: 'case',
          recordId: `c${i}`,
        })
      }
      await store.close()

      const intact = await run(runAudit, ['verify'], env)
      expect(intact.code).toBe(0)
      expect(intact.output).toMatch(
        /^OK {2}kyoto: 5 件の連鎖を確認 \/ 5 links verified; head --anchor kyoto:5:[0-9a-f]{64}$/m,
      )
      const anchor = /--anchor (\S+)/.exec(intact.output)![1]!
      expect((await run(runAudit, ['verify', '--anchor', anchor], env)).code).toBe(0)
      const unanchored = await run(runAudit, ['verify', '--anchor', `kyoto:5:${'0'.repeat(64)}`], env)
      expect(unanchored.code).toBe(1)
      expect(unanchored.output).toContain('NG  kyoto: seq 5, audit id 5: 控えておいた連鎖の値と一致しません')
      expect((await run(runAudit, ['verify', '--anchor', 'kyoto:5'], env)).code).toBe(2)

      const tampered = await openStore({
        databaseUrl: undefined,
        databaseMigrationUrl: undefined,
        dataDir: dir,
      })
      await tampered.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`)
      await tampered.db.execute(sql`UPDATE audit_log SET record_id = '山田太郎' WHERE id = 3`)
      await tampered.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`)
      await tampered.close()

      const broken = await run(runAudit, ['verify'], env)
      expect(broken.code).toBe(1)
      expect(broken.output).toContain(
        'NG  kyoto: seq 3, audit id 3: 記録が変更されています / the row or its link was changed',
      )
      expect(broken.output).not.toContain('山田')
      expect((await run(runAudit, ['verify', '--city', 'other'], env)).code).toBe(0)
      expect((await run(runAudit, ['verify', '--max-delay-minutes', 'soon'], env)).code).toBe(2)
      expect((await run(runAudit, ['check'], env)).code).toBe(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('npm run yorisoi -- db grant', () => {
  it('refuses what is not a role name before connecting', async () => {
    const bad = await run(runDb, ['grant', '--app-role', 'app; DROP TABLE cases'], { DATABASE_URL: '' })
    expect(bad.code).toBe(2)
    expect(bad.output).toContain('ロール名が正しくありません')
    expect((await run(runDb, ['grant'], {})).code).toBe(2)
  })
})
