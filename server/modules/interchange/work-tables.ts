// Temporary tables an import works in while it checks a sheet it does not hold in memory
// (plan-contacts.ts: the file's contacts, compared with the stored ones by SQL). They live in
// the import's own session: on PostgreSQL inside its one transaction (dropped at its end,
// committed or not); on the embedded store (one connection, one session) outside any
// transaction, each statement run at once like the staging's (staging.ts), and dropped by
// `drop` once the moves that read them have run.
import { randomBytes } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'

export class WorkTables {
  private readonly prefix = `import_work_${randomBytes(6).toString('hex')}`
  private readonly names: string[] = []

  /**
   * `db` runs each statement at once: the import's transaction on PostgreSQL (`inTransaction`),
   * the store itself on the embedded one.
   */
  constructor(
    readonly db: Db,
    private readonly inTransaction: boolean,
  ) {}

  private next(): { name: string; table: SQL; onCommit: SQL } {
    const name = `${this.prefix}_${this.names.length}`
    this.names.push(name)
    return {
      name,
      table: sql`pg_temp.${sql.identifier(name)}`,
      onCommit: this.inTransaction ? sql` on commit drop` : sql``,
    }
  }

  /** A new table with the given column definitions (`seq bigint …, like contacts …`). */
  async create(definitions: SQL): Promise<SQL> {
    const { table, onCommit } = this.next()
    await this.db.execute(sql`create temporary table ${table} (${definitions})${onCommit}`)
    return table
  }

  /** A new table holding what `query` selects. */
  async createAs(query: SQL): Promise<SQL> {
    const { table, onCommit } = this.next()
    await this.db.execute(sql`create temporary table ${table}${onCommit} as ${query}`)
    return table
  }

  /** Drops the tables (on PostgreSQL the transaction's end does). */
  async drop(): Promise<void> {
    if (this.inTransaction) return
    for (const name of this.names)
      await this.db.execute(sql`drop table if exists pg_temp.${sql.identifier(name)}`)
  }
}
