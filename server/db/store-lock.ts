import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

/**
 * PGlite is a single-process database: two processes writing one folder corrupt it (an earlier
 * check-then-write pid file let two processes in when they started in the same millisecond, and
 * one of them lost every row it had been told were stored). The lock is now held by the
 * operating system: `store.lock` is an SQLite file on which this process keeps an exclusive
 * transaction open. SQLite takes that lock with the OS's own atomic primitive (fcntl on Unix,
 * LockFileEx on Windows), so of processes starting together exactly one gets it, and the kernel
 * drops it when the holder ends in any way, kill -9 included: there is no stale lock to take over.
 *
 * Not proper-lockfile: its lock is a folder whose mtime a timer refreshes, stale after a threshold.
 * PGlite's queries run synchronously on the event loop, so a long import could starve the timer
 * and let a second process judge the lock stale, and after a kill -9 a restart waits out the
 * threshold; an OS lock has neither problem.
 *
 * The lock file itself is never deleted (deleting it would let a newcomer lock a fresh file while
 * a late one still locks the old one). This process must never open it by any other means
 * either: closing any descriptor of a file drops the process's fcntl locks on it.
 */
const LOCK_FILE = 'store.lock'
/** Who holds the lock, for the refusal message only: written after the lock is taken. */
const OWNER_FILE = 'store.lock.owner'
/** The pid file of the versions before; see takeLegacyLock. */
const LEGACY_FILE = 'yorisoi.lock'
/** SQLITE_BUSY: another connection holds the lock. */
const SQLITE_BUSY = 5

/**
 * The open lock connections. A connection nobody references would be closed by the garbage
 * collector, and with it the lock; a caller that drops the release must not lose the lock.
 */
const held = new Set<DatabaseSync>()

/** The conventional exit code for "temporary failure, try again later" (sysexits.h EX_TEMPFAIL). */
export const STORE_IN_USE_EXIT_CODE = 75

/** A second process (or a second open in this one) wants a folder that is in use. */
export class StoreInUseError extends Error {
  readonly folder: string
  constructor(folder: string, owner: string | undefined) {
    const who = owner ? `（${owner}）` : ''
    const whoEn = owner ? ` (${owner})` : ''
    super(
      `データフォルダ ${folder} は別のプロセス${who}が使用中です。サーバーなどを止めてから実行してください` +
        ` / the data folder ${folder} is in use by another process${whoEn}; stop it first`,
    )
    this.name = 'StoreInUseError'
    this.folder = folder
  }
}

/**
 * For the entry points (`npm start`, `npm run yorisoi`): a folder in use is an operator's
 * situation, not a crash, so it is one line and exit code 75; anything else is rethrown.
 */
export function exitIfStoreInUse(error: unknown): never {
  if (!(error instanceof StoreInUseError)) throw error
  console.error(error.message)
  process.exit(STORE_IN_USE_EXIT_CODE)
}

/** Takes the folder's lock or throws StoreInUseError; returns the release (idempotent). */
export function lockDataDir(dir: string): () => void {
  const folder = resolve(dir)
  mkdirSync(folder, { recursive: true })
  const db = new DatabaseSync(join(folder, LOCK_FILE), { timeout: 0 })
  try {
    // EXCLUSIVE locking mode: SQLite keeps the lock until the connection closes.
    db.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if ((error as { errcode?: number }).errcode === SQLITE_BUSY)
      throw new StoreInUseError(folder, readOwner(folder))
    throw error
  }
  held.add(db)
  const release = () => {
    if (!held.delete(db)) return
    rmSync(join(folder, OWNER_FILE), { force: true })
    db.close()
  }
  try {
    takeLegacyLock(folder)
    writeOwner(folder)
  } catch (error) {
    release()
    throw error
  }
  return release
}

function writeOwner(folder: string) {
  const owner = {
    pid: process.pid,
    since: new Date().toISOString(),
    command: process.argv.slice(2).join(' '),
  }
  // Written whole and renamed, so a refused process never reads half of it.
  const temp = join(folder, `${OWNER_FILE}.${process.pid}`)
  writeFileSync(temp, JSON.stringify(owner))
  renameSync(temp, join(folder, OWNER_FILE))
}

function readOwner(folder: string): string | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8')) as {
      pid?: unknown
      since?: unknown
    }
    if (typeof owner.pid !== 'number') return undefined
    return typeof owner.since === 'string' ? `pid ${owner.pid}, ${owner.since}～` : `pid ${owner.pid}`
  } catch {
    return undefined
  }
}

/**
 * Versions before this one wrote their pid into `yorisoi.lock`. Holding the new lock keeps every
 * process of this version out, so what is left is a process of the old version still running on
 * the folder (refused) or the file an old one left behind (removed).
 */
function takeLegacyLock(folder: string) {
  const legacy = join(folder, LEGACY_FILE)
  if (!existsSync(legacy)) return
  const pid = Number(readFileSync(legacy, 'utf8'))
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
    throw new StoreInUseError(folder, `pid ${pid}`)
  rmSync(legacy, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
