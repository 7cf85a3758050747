import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from './schema/index.ts'

/** The database as the application uses it, on PGlite or PostgreSQL; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  close(): Promise<void>
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  url?: string
  /** PGlite's folder; omitted means in memory (tests). */
  dataDir?: string
}

/**
 * PGlite's server settings. Its default shared_buffers (128MB) lives in the WebAssembly memory,
 * which never shrinks: an import filled it, and it was a third of the process's memory. 8MB
 * (PostgreSQL's floor for years) holds the hot index pages; the rest comes from the OS file
 * cache: a city's import runs at the same speed and its full report takes ~10% longer
 * (~115 ms instead of ~105). `show shared_buffers` confirms the setting applies.
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB']

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 })
    // An idle connection the server ends (a restart, an administrator, a dropped test database)
    // is reported here; without a listener Node would crash the process. The pool has already
    // discarded that connection and opens a new one for the next query.
    pool.on('error', () => {})
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {}
  try {
    // In memory (no dataDir) is PGlite's default; a string first argument would be a folder.
    const client = new PGlite({
      dataDir: options.dataDir ? join(options.dataDir, 'pg') : undefined,
      startParams: PGLITE_START,
    })
    await client.waitReady
    const db = drizzlePglite(client, { schema }) as unknown as Db
    return {
      db,
      kind: 'pglite',
      close: async () => {
        await client.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/**
 * PGlite is a single-process database: two processes writing one folder corrupt it. A lock file
 * with our pid keeps a second server or CLI out; a stale lock (dead pid) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const folder = resolve(dir)
  mkdirSync(folder, { recursive: true })
  const lock = join(folder, 'yorisoi.lock')
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`データフォルダ ${folder} は別のプロセス (pid ${pid}) が使用中です。`)
    }
  }
  const fd = openSync(lock, 'w')
  writeFileSync(fd, String(process.pid))
  closeSync(fd)
  return () => rmSync(lock, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
