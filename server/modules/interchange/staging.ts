// On the embedded store (PGlite: one connection) a transaction makes every other request wait
// until it ends, and writing a city's ledger takes seconds. So there the import writes its rows
// into temporary tables first, statement by statement outside any transaction, letting others'
// statements run in between; and writes down, without running them, the statements that move
// the rows into the real tables (INSERT … SELECT), delete and update. Those run at the end, each
// in a short transaction that notes what it changed (server/db/undo-log.ts), so that a failure
// puts everything back (import-ledger.ts); a ledger with errors only drops its temporary tables.
// On PostgreSQL each request has a connection of its own: no staging.
import { randomBytes } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { DeferredWrites } from '#server/db/deferred.ts'

const stagings = new WeakMap<Db, ImportStaging>()

export class ImportStaging {
  /** Writers write through this Db: its statements wait until every sheet is checked and staged. */
  readonly deferred = new DeferredWrites()
  private readonly prefix = `import_stage_${randomBytes(6).toString('hex')}`
  private readonly tables: string[] = []

  /** `store`: the store itself, for the temporary tables (each statement one of its own). */
  constructor(readonly store: Db) {
    stagings.set(this.deferred.db, this)
  }

  /** A new temporary table with an insertion order (seq) and the given columns. */
  async create(columns: { name: string; type: string }[]): Promise<SQL> {
    const name = `${this.prefix}_${this.tables.length}`
    this.tables.push(name)
    const defs = columns.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`)
    const table = sql`pg_temp.${sql.identifier(name)}`
    await this.store.execute(
      sql`create temporary table ${table} (seq bigint generated always as identity primary key, ${sql.join(defs, sql`, `)})`,
    )
    return table
  }

  /** Drops what is left of the temporary tables (the moves drop them too). */
  async drop(): Promise<void> {
    for (const name of this.tables)
      await this.store.execute(sql`drop table if exists pg_temp.${sql.identifier(name)}`)
  }
}

/** The staging a writer's Db belongs to, if it is one's deferred Db. */
export const stagingOf = (db: Db): ImportStaging | undefined => stagings.get(db)
