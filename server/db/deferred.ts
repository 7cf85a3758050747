// The embedded store (PGlite) is one connection: while a transaction is open, every other
// request's statement waits for its end. A long job keeps that window short by doing its work
// outside a transaction and writing down the statements that must take effect together; then it
// runs them in one transaction at the end (server/modules/interchange/import-ledger.ts).
import { setImmediate } from 'node:timers/promises'
import type { PGlite, Transaction } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Db } from './client.ts'
import * as schema from './schema/index.ts'

interface Statement {
  text: string
  params: unknown[]
}

/**
 * A Db whose statements are written down instead of run: for writes only, as every statement
 * answers no rows. `commit` runs them, in order, in one transaction of the embedded store.
 */
export class DeferredWrites {
  readonly db: Db
  private statements: Statement[] = []

  constructor() {
    const client = {
      query: async (text: string, params: unknown[] = []) => {
        this.statements.push({ text, params })
        return { rows: [], fields: [], affectedRows: 0 }
      },
    }
    this.db = drizzle({ client: client as unknown as PGlite, schema }) as unknown as Db
  }

  get size(): number {
    return this.statements.length
  }

  /**
   * One transaction: the statements written down, then `after` with the transaction as a Db
   * (for statements whose answers are needed). Rolled back as a whole when anything throws.
   */
  async commit<T>(client: PGlite, after: (tx: Db) => Promise<T>): Promise<T> {
    const statements = this.statements
    this.statements = []
    return client.transaction(async (tx: Transaction) => {
      for (const s of statements) {
        await tx.query(s.text, s.params)
        // PGlite runs in this thread: timers and sockets get a turn between statements.
        await setImmediate()
      }
      return after(drizzle({ client: tx as unknown as PGlite, schema }) as unknown as Db)
    })
  }
}
