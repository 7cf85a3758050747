import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importLedger } from '#server/modules/interchange/index.ts'
import { ensureCity } from '#server/modules/org/index.ts'
import { SEED_CITY_DIR } from '#server/modules/reports/test-support.ts'
import { BackupError, backupStore, restoreStore } from './backup.ts'
import { openDatabase } from './client.ts'
import { migrateDatabase } from './migrate.ts'
import { lockDataDir, StoreInUseError } from './store-lock.ts'

const work = mkdtempSync(join(tmpdir(), 'yorisoi-backup-'))
const original = join(work, 'original')
const backup = join(work, 'out', 'yorisoi.tar.gz')
/** Text that must come back character for character (zero-width, full-width, outside the BMP). */
const AWKWARD = [
  '池\u200b田恵',
  'ＡＢＣ１２３　全角',
  '𠮷野家 🙂 👨‍👩‍👧',
  'ｶﾀｶﾅ\u00a0\u3000末尾',
  'a\tb\r\nc',
]

/** Every table's rows, hashed: equal fingerprints are equal stores. */
async function fingerprint(dataDir: string): Promise<Record<string, string>> {
  const handle = await openDatabase({ dataDir })
  try {
    const tables = (await handle.db.execute(
      sql`select tablename from pg_tables where schemaname in ('public') order by tablename`,
    )) as unknown as { rows: { tablename: string }[] }
    const result: Record<string, string> = {}
    for (const { tablename } of tables.rows) {
      const res = (await handle.db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(tablename)} t`,
      )) as unknown as { rows: { n: number; h: string }[] }
      result[tablename] = `${res.rows[0]!.n}:${res.rows[0]!.h}`
    }
    return result
  } finally {
    await handle.close()
  }
}

beforeAll(async () => {
  const handle = await openDatabase({ dataDir: original })
  try {
    await migrateDatabase(handle)
    await ensureCity(handle.db, { id: 'kyoto', name: '京都市' })
    const paths = readdirSync(SEED_CITY_DIR).map((f) => join(SEED_CITY_DIR, f))
    const imported = await importLedger(handle.db, 'kyoto', paths, {
      dryRun: false,
      actor: null,
      now: new Date(),
    })
    expect(imported.errors).toEqual([])
    await handle.db.execute(sql`create table awkward_text (t text)`)
    for (const t of AWKWARD) await handle.db.execute(sql`insert into awkward_text values (${t})`)
  } finally {
    await handle.close()
  }
  writeFileSync(join(original, 'a-key-file'), 'kept with the store')
}, 180_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('backup and restore of the embedded store', () => {
  it('round trip: a backup restored into a new folder holds the same rows, text and folder files', async () => {
    const { bytes } = await backupStore(original, backup)
    expect(bytes).toBe(statSync(backup).size)
    expect(statSync(backup).mode & 0o777).toBe(0o600)
    const restored = join(work, 'restored')
    expect(await restoreStore(restored, backup)).toEqual({ previous: undefined })
    const before = await fingerprint(original)
    expect(Number(before.cases!.split(':')[0])).toBeGreaterThan(400)
    expect(await fingerprint(restored)).toEqual(before)
    expect(readFileSync(join(restored, 'a-key-file'), 'utf8')).toBe('kept with the store')
    const handle = await openDatabase({ dataDir: restored })
    try {
      const rows = (await handle.db.execute(sql`select t from awkward_text`)) as unknown as {
        rows: { t: string }[]
      }
      expect(rows.rows.map((r) => r.t).sort()).toEqual([...AWKWARD].sort())
    } finally {
      await handle.close()
    }
  }, 180_000)

  it('restore refuses a folder that holds a database unless --force, which keeps the replaced store aside', async () => {
    const target = join(work, 'occupied')
    await (await openDatabase({ dataDir: target })).close()
    const empty = await fingerprint(target)
    await expect(restoreStore(target, backup)).rejects.toThrow(/既にデータベースがあります.*--force/)
    expect(await fingerprint(target)).toEqual(empty)

    const { previous } = await restoreStore(target, backup, { force: true })
    expect(previous).toMatch(/before-restore-/)
    expect(existsSync(join(previous!, 'pg', 'PG_VERSION'))).toBe(true)
    expect(await fingerprint(target)).toEqual(await fingerprint(original))
  }, 180_000)

  it('backup and restore are refused while another process has the folder open', async () => {
    const release = lockDataDir(original)
    try {
      await expect(backupStore(original, join(work, 'never.tar.gz'))).rejects.toBeInstanceOf(StoreInUseError)
      await expect(restoreStore(original, backup, { force: true })).rejects.toBeInstanceOf(StoreInUseError)
    } finally {
      release()
    }
    expect(existsSync(join(work, 'never.tar.gz'))).toBe(false)
  })

  it('a file that is not a backup, or a tar that climbs out of its folder, is refused and replaces nothing', async () => {
    const target = join(work, 'kept')
    await restoreStore(target, backup)
    const kept = await fingerprint(target)
    const junk = join(work, 'junk.tar.gz')
    writeFileSync(junk, 'これはバックアップではありません\u0000')
    const climbing = join(work, 'climbing.tar.gz')
    writeFileSync(climbing, tarOf({ '../escaped.txt': 'x', 'pg/PG_VERSION': '17\n' }))
    for (const file of [junk, climbing]) {
      const error = await restoreStore(target, file, { force: true }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(BackupError)
      expect((error as Error).message).toContain('よりそいのバックアップとして読めません')
    }
    expect(existsSync(join(target, 'escaped.txt'))).toBe(false)
    expect(existsSync(join(work, 'escaped.txt'))).toBe(false)
    expect(
      readdirSync(target).filter((n) => n.startsWith('restoring-') || n.startsWith('before-restore-')),
    ).toEqual([])
    expect(await fingerprint(target)).toEqual(kept)
  }, 120_000)

  it('backup refuses a folder without a database, and a file inside the data folder', async () => {
    await expect(backupStore(join(work, 'nothing-here'), join(work, 'x.tar.gz'))).rejects.toThrow(
      /データベースがありません/,
    )
    expect(existsSync(join(work, 'nothing-here', 'pg'))).toBe(false)
    await expect(backupStore(original, join(original, 'inside.tar.gz'))).rejects.toThrow(/データフォルダの外/)
  })
})

/** A gzipped ustar archive written by hand, so that it may hold names a tar tool would clean. */
function tarOf(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = []
  for (const [name, content] of Object.entries(files)) {
    const header = Buffer.alloc(512)
    header.write(name, 0, 'utf8')
    header.write('0000644\0', 100)
    header.write('0000000\0', 108)
    header.write('0000000\0', 116)
    header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124)
    header.write('00000000000\0', 136)
    header.write('        ', 148)
    header.write('0', 156)
    header.write('ustar\u000000', 257)
    let sum = 0
    for (const byte of header) sum += byte
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512)
    body.write(content)
    blocks.push(header, body)
  }
  blocks.push(Buffer.alloc(1024))
  return gzipSync(Buffer.concat(blocks))
}
