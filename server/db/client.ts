import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { DurableNodeFS, fsyncTree, PGLITE_DURABLE_PARAMS } from './durable-fs.ts'
import { KeptStatementsPGlite } from './embedded-statements.ts'
import * as schema from './schema/index.ts'
import { lockDataDir } from './store-lock.ts'
import { TenantPool } from './tenant-pool.ts'

/** The database as the application uses it, on PGlite or PostgreSQL; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseHandle {
  db: Db
  kind: 'pglite' | 'postgres'
  /** PGlite's own client (for backups); absent on PostgreSQL. */
  pglite?: PGlite
  close(): Promise<void>
}

/**
 * PGlite's client behind a Db opened on the embedded store; undefined on PostgreSQL (a pool) and
 * for a transaction's Db.
 */
export function embeddedClient(db: Db): PGlite | undefined {
  const client = (db as { $client?: unknown }).$client
  return client instanceof PGlite ? client : undefined
}

export interface OpenOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite. */
  url?: string
  /** PGlite's folder; omitted means in memory (tests). */
  dataDir?: string
  /**
   * false only for the benchmark's comparison: PGlite's own default, fsync off, where a commit
   * is not on the disk when it returns. Everything else runs with fsync on.
   */
  fsync?: boolean
  /**
   * false only for the benchmark's comparison: a plain pool that does not set each connection's
   * city (tenant-pool.ts), as before row-level security.
   */
  tenantScoped?: boolean
}

/**
 * PGlite's server settings. Its default shared_buffers (128MB) lives in the WebAssembly memory,
 * which never shrinks: an import filled it, and it was a third of the process's memory. 8MB
 * (PostgreSQL's floor for years) holds the hot index pages; the rest comes from the OS file
 * cache: a city's import runs at the same speed and its full report takes ~10% longer
 * (~115 ms instead of ~105). `show shared_buffers` confirms the setting applies.
 * PGlite's defaults include -F (fsync off); a folder-backed store drops it (durable-fs.ts).
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=8MB']
const PGLITE_DURABLE_START = [...PGLITE_START.filter((p) => p !== '-F'), ...PGLITE_DURABLE_PARAMS]

/** The folder inside the data folder that holds PGlite's database. */
export const pgliteFolder = (dataDir: string) => join(dataDir, 'pg')

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const poolOptions = { connectionString: options.url, max: 10 }
    const pool = options.tenantScoped === false ? new pg.Pool(poolOptions) : new TenantPool(poolOptions)
    // An idle connection the server ends (a restart, an administrator, a dropped test database)
    // is reported here; without a listener Node would crash the process. The pool has already
    // discarded that connection and opens a new one for the next query.
    pool.on('error', () => {})
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return { db, kind: 'postgres', close: () => pool.end() }
  }
  // In memory (no dataDir) is PGlite's default: tests, nothing to make durable.
  if (!options.dataDir) return wrap(await openPglite({ startParams: PGLITE_START }), () => {})
  const release = lockDataDir(options.dataDir)
  try {
    return wrap(await openPgliteFolder(pgliteFolder(options.dataDir), options.fsync !== false), release)
  } catch (error) {
    release()
    throw error
  }
}

/**
 * PGlite on a folder, without the data folder's lock: for openDatabase and for backup and
 * restore, which hold the lock themselves. A new folder is created (initdb).
 */
export async function openPgliteFolder(folder: string, durable = true): Promise<PGlite> {
  const isNew = !existsSync(join(folder, 'PG_VERSION'))
  const client = await openPglite(
    durable
      ? { fs: new DurableNodeFS(folder), startParams: PGLITE_DURABLE_START }
      : { dataDir: folder, startParams: PGLITE_START },
  )
  // A new store's files come from initdb, not from PostgreSQL's writes: sync them once.
  if (isNew && durable) fsyncTree(folder)
  return client
}

/** PostgreSQL's pool behind a Db; undefined on PGlite and for a transaction's Db. */
export function postgresPool(db: Db): pg.Pool | undefined {
  const client = (db as { $client?: unknown }).$client
  return client instanceof pg.Pool ? client : undefined
}

async function openPglite(options: ConstructorParameters<typeof PGlite>[0]): Promise<PGlite> {
  const client = new KeptStatementsPGlite(options)
  await client.waitReady
  return client
}

function wrap(client: PGlite, release: () => void): DatabaseHandle {
  const db = drizzlePglite(client, { schema }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      try {
        await client.close()
      } finally {
        release()
      }
    },
  }
}
