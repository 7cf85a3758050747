import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as tar from 'tar'
import { openPgliteFolder, pgliteFolder } from './client.ts'
import { fsyncPath, fsyncTree } from './durable-fs.ts'
import { lockDataDir } from './store-lock.ts'

/**
 * `npm run yorisoi -- backup` and `restore` for the embedded store. A backup is a gzipped tar of
 * the data folder as a stopped server leaves it: PGlite's database (`pg/`) checkpointed and shut
 * down cleanly, and the folder's own files (the session secret and any key file kept there). It
 * is streamed from and to the disk, so a city of any size is backed up in little memory. Both
 * commands hold the folder's lock throughout, so they never run beside a server.
 */

/** A backup or restore the operator asked for cannot be done; the message says why (ja / en). */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** Files of the lock and of an unfinished or earlier restore: never backed up, never restored. */
const isOwnWorkFile = (name: string) =>
  name.startsWith('store.lock') || name.startsWith('restoring-') || name.startsWith('before-restore-')

export async function backupStore(dataDir: string, outFile: string): Promise<{ bytes: number }> {
  const folder = resolve(dataDir)
  const out = resolve(outFile)
  const inside = relative(folder, out)
  if (!inside || !(inside.startsWith('..') || isAbsolute(inside)))
    throw new BackupError(
      `バックアップはデータフォルダの外に書き出してください / write the backup outside the data folder ${folder}`,
    )
  const noDatabase = () =>
    new BackupError(
      `データフォルダ ${folder} にデータベースがありません / there is no database in the data folder ${folder}`,
    )
  // The lock first (a folder in use says so), but a folder that does not exist is not created.
  if (!existsSync(folder)) throw noDatabase()
  const release = lockDataDir(folder)
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`)
  try {
    if (!existsSync(join(pgliteFolder(folder), 'PG_VERSION'))) throw noDatabase()
    // Opened and closed once: a store left by a killed process is recovered, then checkpointed,
    // so the backup holds a cleanly shut-down database.
    const client = await openPgliteFolder(pgliteFolder(folder))
    await client.exec('CHECKPOINT')
    await client.close()

    mkdirSync(dirname(out), { recursive: true })
    const entries = readdirSync(folder).filter((name) => !isOwnWorkFile(name))
    // Personal data: readable by the owner only.
    await pipeline(
      tar.c({ gzip: true, cwd: folder, portable: true }, entries),
      createWriteStream(partial, { mode: 0o600 }),
    )
    fsyncPath(partial)
    // Renamed only when whole: a failed backup never replaces a good one of the same name.
    renameSync(partial, out)
    fsyncPath(dirname(out))
    return { bytes: statSync(out).size }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    release()
  }
}

export interface RestoreResult {
  /** Where the store that was replaced now is (--force on a non-empty folder). */
  previous?: string
}

export async function restoreStore(
  dataDir: string,
  backupFile: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const folder = resolve(dataDir)
  const file = resolve(backupFile)
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupError(`バックアップファイル ${file} がありません / there is no backup file ${file}`)
  mkdirSync(folder, { recursive: true })
  const release = lockDataDir(folder)
  const staging = join(folder, `restoring-${process.pid}`)
  try {
    const occupied = existsSync(join(pgliteFolder(folder), 'PG_VERSION'))
    if (occupied && !options.force)
      throw new BackupError(
        `データフォルダ ${folder} には既にデータベースがあります。置き換えるには --force を付けてください（元のデータは残します）` +
          ` / the data folder ${folder} already holds a database; add --force to replace it (the old one is kept)`,
      )
    rmSync(staging, { recursive: true, force: true })
    await unpack(file, staging)
    await checkRestoredStore(staging, file)
    fsyncTree(staging)
    const previous = moveAside(folder, readdirSync(staging), occupied)
    for (const name of readdirSync(staging)) renameSync(join(staging, name), join(folder, name))
    rmSync(staging, { recursive: true, force: true })
    fsyncPath(folder)
    return { previous }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  } finally {
    release()
  }
}

const notABackup = (file: string) =>
  new BackupError(`${file} はよりそいのバックアップとして読めません / ${file} is not a Yorisoi backup`)

/** Regular files and folders only, inside the staging folder, owned by whoever restores. */
async function unpack(file: string, staging: string) {
  mkdirSync(staging)
  try {
    await tar.x({
      file,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      filter: (_path, entry) => 'type' in entry && (entry.type === 'File' || entry.type === 'Directory'),
    })
  } catch {
    throw notABackup(file)
  }
}

/** The restored folder must be a Yorisoi database PGlite can start: checked before it replaces anything. */
async function checkRestoredStore(staging: string, file: string) {
  if (!existsSync(join(pgliteFolder(staging), 'PG_VERSION'))) throw notABackup(file)
  let isYorisoi = false
  try {
    const client = await openPgliteFolder(pgliteFolder(staging))
    try {
      const found = await client.query<{ table: string | null }>(
        "select to_regclass('public.cases')::text as table",
      )
      isYorisoi = found.rows[0]?.table != null
      await client.exec('CHECKPOINT')
    } finally {
      await client.close()
    }
  } catch {
    throw notABackup(file)
  }
  if (!isYorisoi) throw notABackup(file)
}

/**
 * What the restored files would replace goes into before-restore-<time>: everything when a store
 * is replaced (--force); otherwise only folders (a half-made `pg` from a failed first start),
 * while plain files such as a session secret made by this very command are simply overwritten.
 */
function moveAside(folder: string, incoming: string[], everything: boolean): string | undefined {
  let aside: string | undefined
  for (const name of incoming) {
    const path = join(folder, name)
    if (!existsSync(path) || (!everything && !statSync(path).isDirectory())) continue
    aside ??= join(folder, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`)
    mkdirSync(aside, { recursive: true })
    renameSync(path, join(aside, name))
  }
  return aside
}
