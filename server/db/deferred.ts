// The embedded store (PGlite) is one connection: while a transaction is open, every other
// request's statement waits for its end. A long job keeps that window short by doing its work
// outside a transaction and writing down the statements that must take effect together; then it
// runs them at the end (server/modules/interchange/import-ledger.ts): each in a short transaction
// of its own that notes what it changed (undo-log.ts), so that a failure can put it all back.
import { setImmediate } from 'node:timers/promises'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Db } from './client.ts'
import { DISCARD_PLANS, replanDue } from './replan.ts'
import * as schema from './schema/index.ts'
import type { UndoLog } from './undo-log.ts'

/** A copy of `text` in one piece (a string built by concatenation is a tree of its parts). */
const flat = (text: string): string => (text.length === 0 ? text : JSON.parse(JSON.stringify(text)))

interface Statement {
  text: string
  params: unknown[]
}

/**
 * A Db whose statements are written down instead of run: for writes only, as every statement
 * answers no rows. `applyInTurns` runs them.
 */
export class DeferredWrites {
  readonly db: Db
  private statements: Statement[] = []
  /**
   * One copy of each statement's text. An import writes down thousands of moves that differ only
   * in their parameters (bulk-write.ts MOVE_ROWS), and each text the query builder hands over
   * is a fresh string of a few KB built of many small pieces: the ~7,500 moves of 20 times the
   * bench city held ~290,000 such pieces (9 MB, besides the texts) until they ran (issue 15).
   */
  private readonly texts = new Map<string, string>()

  constructor() {
    const client = {
      query: async (text: string, params: unknown[] = []) => {
        let known = this.texts.get(text)
        if (known === undefined) {
          // Flattened: the builder's text is a tree of its pieces, kept whole by the one copy.
          known = flat(text)
          this.texts.set(known, known)
        }
        this.statements.push({ text: known, params })
        return { rows: [], fields: [], affectedRows: 0 }
      },
    }
    this.db = drizzle({ client: client as unknown as PGlite, schema }) as unknown as Db
  }

  get size(): number {
    return this.statements.length
  }

  /**
   * Runs the statements written down, in order, each in a transaction of its own that notes in
   * `undo` what it changes; other requests get a turn between two of them. On failure the
   * caller restores `undo`.
   */
  async applyInTurns(client: PGlite, undo: UndoLog, between: () => Promise<void> = () => setImmediate()) {
    const statements = this.statements
    this.statements = []
    this.texts.clear()
    for (const [i, s] of statements.entries()) {
      // The tables being filled outgrow the plans of their foreign-key checks (replan.ts).
      if (replanDue(i + 1)) await client.exec(DISCARD_PLANS)
      await client.transaction((tx) => undo.run(tx, s.text, s.params))
      await between()
    }
  }
}
