import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from './client.ts'
import { hostFsyncs } from './durable-fs.ts'

const work = mkdtempSync(join(tmpdir(), 'yorisoi-fsync-'))
let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openDatabase({ dataDir: work })
})
afterAll(async () => {
  await handle.close()
  rmSync(work, { recursive: true, force: true })
})

describe("the embedded store's commits reach the disk", () => {
  it('runs PostgreSQL with fsync on, the WAL synced with fsync()', async () => {
    const show = async (name: string) =>
      (await handle.pglite!.query<Record<string, string>>(`show ${name}`)).rows[0]![name]
    expect(await show('fsync')).toBe('on')
    expect(await show('wal_sync_method')).toBe('fsync')
  })

  it("every commit makes at least one fsync of the host's file", async () => {
    const client = handle.pglite!
    await client.exec('create table durable_probe (n int)')
    const before = hostFsyncs.count
    for (let n = 0; n < 10; n++) await client.query('insert into durable_probe values ($1)', [n])
    expect(hostFsyncs.count - before).toBeGreaterThanOrEqual(10)
  })
})
