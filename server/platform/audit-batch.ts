import { getTableColumns, getTableName } from 'drizzle-orm'
import { type Db, embeddedClient, postgresPool } from '#server/db/client.ts'
import { KeptStatementsPGlite } from '#server/db/embedded-statements.ts'
import { auditLog } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'

export type AuditRow = typeof auditLog.$inferInsert

/** At most this many rows in one INSERT: a flood of requests still commits in bounded steps. */
const MOST_ROWS = 100

const COLUMNS = [
  'tenantId',
  'at',
  'actorId',
  'actorLogin',
  'action',
  'recordType',
  'recordId',
  'clientAddress',
  'detail',
] as const satisfies readonly (keyof AuditRow)[]
const columnsOf = getTableColumns(auditLog)
/**
 * Any number of audit rows in one named statement, on both stores: each column an array, unnested
 * in order. Drizzle builds a multi-row INSERT anew for every batch (its text differs with the
 * number of rows, so it can be neither kept nor prepared): ~7% of the server's CPU in case detail
 * at 10 connections on PostgreSQL. This one is parsed once per connection (kept on PGlite); its
 * columns' names and types come from the schema.
 */
const INSERT_ROWS = {
  name: 'yorisoi_audit_rows',
  text:
    `INSERT INTO ${getTableName(auditLog)} (${COLUMNS.map((key) => columnsOf[key].name).join(', ')})` +
    ` SELECT * FROM unnest(${COLUMNS.map((key, i) => `$${i + 1}::${columnsOf[key].getSQLType()}[]`).join(', ')})`,
}

/**
 * The statement's parameters: each column's values as an array. node-postgres and PGlite write
 * each element as they write a value of its type (a jsonb object as its JSON).
 */
const valuesOf = (rows: AuditRow[]) => COLUMNS.map((column) => rows.map((row) => row[column] ?? null))

interface Waiting {
  row: AuditRow
  resolve(): void
  reject(error: unknown): void
}

/**
 * Group commit for one city's audit rows written outside a transaction (case detail, the case
 * list and the other reads that audit on the handle itself), on both stores.
 *
 * The embedded store: PGlite has one connection and runs in the server's own thread. Each INSERT
 * there was its own commit, and each commit its own fsync, which held up every other request for
 * as long as the disk takes.
 *
 * PostgreSQL: the audit chain links a city's rows one at a time (migration 0006): a transaction
 * that wrote audit rows takes the city's chain lock at its commit and holds it until the commit
 * is on disk, so the city's reads queue there, one commit each. Measured at 50 connections: case
 * detail 1,202–1,212 req/s with a row per read's own statement, 1,815–2,047 in batches. One
 * batch per city: under row-level security a connection writes its own city's rows only.
 *
 * A row is not sent at once: the INSERT waits for the event loop's next turn (setImmediate). Node
 * runs each socket's callback and every promise it starts to the end before it reads the next
 * socket, and on PGlite a request's statements never wait for I/O, so a request runs from its
 * first statement to its audit row without letting another in; an INSERT sent at once always held
 * one row (measured: 597 INSERTs for 597 case-detail reads at 10 connections). Waiting one turn
 * lets the requests that arrived together reach their audit rows first, and their rows go in one
 * INSERT: one transaction, one commit, one fsync. Rows that arrive while a batch commits wait for
 * the next.
 *
 * A caller's promise settles only once the transaction holding its row has committed, so an
 * answer still leaves after its audit row is stored. When a batch fails, each of its rows is tried
 * alone, so a row that is refused fails its own request only, as if it had been written alone.
 */
export class AuditBatch {
  private waiting: Waiting[] = []
  private running = false

  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
    private readonly insertOne: (row: AuditRow) => Promise<unknown>,
  ) {}

  write(row: AuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject })
      // The whole drain in the batch's city: every statement it sends is that city's.
      if (!this.running) void withTenant(this.tenantId, () => this.drain())
    })
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      while (this.waiting.length > 0) {
        await new Promise((resolve) => setImmediate(resolve))
        await this.commitNext()
      }
    } finally {
      this.running = false
    }
  }

  private async commitNext(): Promise<void> {
    let batch: Waiting[] = []
    const take = () => {
      batch = this.waiting.splice(0, MOST_ROWS)
      return batch.map((w) => w.row)
    }
    try {
      await this.insertRows(take)
      for (const w of batch) w.resolve()
      return
    } catch {
      // Which row was refused is not known: each is tried alone below. (If PGlite's transaction
      // did not begin, its rows are still waiting: taken now, so that they fail rather than loop.)
      if (batch.length === 0) take()
    }
    for (const w of batch) {
      try {
        await this.insertOne(w.row)
        w.resolve()
      } catch (error) {
        w.reject(error)
      }
    }
  }

  /**
   * One statement, its own transaction. PGlite: kept (parsed once, embedded-statements.ts), its
   * rows taken once the statement holds the one connection, so that those that arrive while it
   * waits for it go too; before, a transaction around Drizzle's multi-row INSERT, built and parsed
   * anew for each batch. PostgreSQL: one round trip (BEGIN and COMMIT around it made a lone read's
   * answer wait for two more); a lone row (a quiet hour: the usual case) by the prepared one-row
   * statement.
   */
  private async insertRows(take: () => AuditRow[]): Promise<void> {
    const embedded = embeddedClient(this.db)
    if (embedded instanceof KeptStatementsPGlite) {
      await embedded.queryWhenTurnComes(INSERT_ROWS.text, () => valuesOf(take()))
      return
    }
    const rows = take()
    if (rows.length === 1) return void (await this.insertOne(rows[0]!))
    await postgresPool(this.db)!.query({ ...INSERT_ROWS, values: valuesOf(rows) })
  }
}
