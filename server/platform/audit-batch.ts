import type { Db } from '#server/db/client.ts'
import { auditLog } from '#server/db/schema/index.ts'

export type AuditRow = typeof auditLog.$inferInsert

/** At most this many rows in one INSERT: a flood of requests still commits in bounded steps. */
const MOST_ROWS = 100

interface Waiting {
  row: AuditRow
  resolve(): void
  reject(error: unknown): void
}

/**
 * Group commit for the embedded store's audit rows written outside a transaction (case detail,
 * the case list and the other reads that audit on the handle itself). PGlite has one connection
 * and runs in the server's own thread: each INSERT there was its own commit, and each commit its
 * own fsync, which holds up every other request for as long as the disk takes. Rows that arrive
 * while an INSERT is under way wait and go together in the next one: one statement, one commit,
 * one fsync. A caller's promise settles only once the INSERT holding its row has committed, so an
 * answer still leaves after its audit row is stored. When a batch fails, each of its rows is tried
 * alone, so a row that is refused fails its own request only, as if it had been written alone.
 * PostgreSQL has a connection per request and groups its commits itself: it does not come here.
 */
export class AuditBatch {
  private waiting: Waiting[] = []
  private running = false

  constructor(
    private readonly db: Db,
    private readonly insertOne: (row: AuditRow) => Promise<unknown>,
  ) {}

  write(row: AuditRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject })
      if (!this.running) void this.drain()
    })
  }

  private async drain(): Promise<void> {
    this.running = true
    try {
      while (this.waiting.length > 0) await this.commit(this.waiting.splice(0, MOST_ROWS))
    } finally {
      this.running = false
    }
  }

  private async commit(batch: Waiting[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.db.insert(auditLog).values(batch.map((w) => w.row))
        for (const w of batch) w.resolve()
        return
      } catch {
        // Which row was refused is not known: each is tried alone below.
      }
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
}
