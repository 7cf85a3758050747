import type { Db } from './client.ts'

/**
 * A statement that every request runs (the session's row, the actor's account, an audit row),
 * built once per database handle rather than on each call: Drizzle's query building was about a
 * third of a signed-in read's CPU in the server, and a named statement is also parsed once per
 * PostgreSQL connection. Values go in as placeholders, so the statement's text never changes.
 * A transaction is a handle of its own, so inside one the statement is built once per transaction.
 */
export function preparedPer<P>(build: (db: Db) => P): (db: Db) => P {
  const built = new WeakMap<Db, P>()
  return (db) => {
    let statement = built.get(db)
    if (!statement) {
      statement = build(db)
      built.set(db, statement)
    }
    return statement
  }
}
