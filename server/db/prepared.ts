import { PgPreparedQuery } from 'drizzle-orm/pg-core'
import { type Db, embeddedClient } from './client.ts'
import { KeptStatementsPGlite } from './embedded-statements.ts'

/**
 * A statement that every request runs (the session's row, the actor's account, an audit row),
 * built once per database handle rather than on each call: Drizzle's query building was about a
 * third of a signed-in read's CPU in the server, and a named statement is also parsed once per
 * PostgreSQL connection, and once by the embedded store (embedded-statements.ts). Values go in as
 * placeholders, so the statement's text never changes.
 * A transaction is a handle of its own, so inside one the statement is built once per transaction.
 */
export function preparedPer<P>(build: (db: Db) => P): (db: Db) => P {
  const built = new WeakMap<Db, P>()
  return (db) => {
    let statement = built.get(db)
    if (!statement) {
      statement = build(db)
      built.set(db, statement)
      const client = embeddedClient(db)
      if (client instanceof KeptStatementsPGlite && statement instanceof PgPreparedQuery) {
        client.keep(statement.getQuery().sql)
      }
    }
    return statement
  }
}
