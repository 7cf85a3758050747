import { createHash } from 'node:crypto'
import { type Placeholder, sql as rawSql } from 'drizzle-orm'
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

/**
 * Most statement texts `runNamed` names, for the life of the process: each one named is a plan
 * kept on every PostgreSQL connection that ran it. Past this many, a new text runs unnamed, as
 * before (its own parse and plan on every call).
 */
export const MOST_NAMED_TEXTS = 64
const namedTexts = new Map<string, string>()

/**
 * Runs a query built on each call whose text takes one of a few shapes (the case list: a scope
 * kind, the filters given, a sort and an order) as a named statement: the name comes from the
 * text, so each shape is parsed and planned once per PostgreSQL connection instead of on every
 * call. Its values stay parameters, bound on each call. The case list's SELECT spent as long in
 * planning as in running (0.45 of ~1 ms at the bench city, 0.57 under row-level security, whose
 * policies the planner adds to every table of the join). The embedded store runs it as before.
 */
export function runNamed<R>(query: {
  toSQL(): { sql: string }
  prepare(name: string): { execute(): Promise<R> }
  execute(): Promise<R>
}): Promise<R> {
  const { sql } = query.toSQL()
  let name = namedTexts.get(sql)
  if (!name && namedTexts.size < MOST_NAMED_TEXTS) {
    name = `yorisoi_text_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`
    namedTexts.set(sql, name)
  }
  return name ? query.prepare(name).execute() : query.execute()
}

/**
 * A row count for `.limit()` written into the statement's text instead of bound as a value, for
 * statements run by `runNamed`. Knowing the count, PostgreSQL plans the named statement once for
 * all values (a generic plan) and keeps it; with `limit $n` it costs such a plan as if a tenth of
 * the rows were wanted, finds it dearer than one made for the values, and plans every call again.
 * Each count is a text of its own: give only the few a caller uses (the list's page sizes).
 * Drizzle writes an SQL object where it would write a placeholder, hence the cast.
 */
export function limitInText(rows: number): Placeholder {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`not a row count: ${rows}`)
  return rawSql.raw(String(rows)) as unknown as Placeholder
}
