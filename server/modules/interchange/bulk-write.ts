// Bulk writes for the importer: one array parameter per column, unnested by the database, so a
// statement of thousands of rows has a handful of parameters instead of one per value. Building
// multi-row VALUES through the query builder cost about a million parameters for a city's ledger
// (and hundreds of MB of short-lived objects); these statements stay small and memory stays flat.
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '#server/db/client.ts'
import { DISCARD_PLANS, replanDue } from '#server/db/replan.ts'
import { breathe } from './breathe.ts'
import { stagingOf } from './staging.ts'

/**
 * Rows per statement: enough to amortise a round trip, few enough that one statement holds the
 * event loop only briefly on PGlite, which runs in this thread (5,000 rows took up to ~0.9 s on a
 * busy machine; 1,000 cost no measurable import speed), and memory stays flat.
 */
export const BULK_ROWS = 1000
/**
 * Rows per move from a staging table into the real one on the embedded store: each move is a
 * transaction that holds the store for everyone and also notes the rows' former images
 * (server/db/undo-log.ts); 500 rows of cases or contacts took up to ~0.25 s on a busy machine,
 * and another user's request of a few statements may wait for one move per statement.
 */
export const MOVE_ROWS = 200
/**
 * And at most about this many characters in any one column's literal. A longer string (over
 * 128 KB, as 64k characters of Japanese text are) is allocated straight into V8's old
 * generation and stays until a full collection, however short-lived it is.
 */
const COLUMN_CHARS = 60_000

/** Statements each transaction (or staging-less Db) has had bulkInsert write straight into its tables. */
const written = new WeakMap<Db, number>()

/** An element of an array literal: quoted, with backslashes and quotes escaped. */
function quoted(text: string): string {
  // Tested first: replacing copies the string even when nothing matches.
  if (!text.includes('"') && !text.includes('\\')) return `"${text}"`
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
}

/**
 * `{a,b,…}` from elements already quoted, as one flat string: a concatenation would be copied
 * flat again by the driver when it measures the parameter, a second copy of the whole column.
 */
function literalOf(elements: string[]): string {
  if (elements.length === 0) return '{}'
  elements[0] = `{${elements[0]}`
  elements[elements.length - 1] = `${elements[elements.length - 1]}}`
  return elements.join(',')
}

/**
 * A PostgreSQL array literal. Every element is quoted, so text such as NULL, {a} or "x" stays
 * text; null and undefined are SQL NULL.
 */
export function arrayLiteral(items: readonly unknown[]): string {
  const parts = new Array<string>(items.length)
  for (let i = 0; i < items.length; i++) {
    const v = items[i]
    parts[i] = v == null ? 'NULL' : quoted(typeof v === 'string' ? v : String(v))
  }
  return literalOf(parts)
}

/** One value as the text PostgreSQL reads for the column's type. */
function textOf(value: unknown, type: string): string | null {
  if (value == null) return null
  if (type.endsWith('[]')) return arrayLiteral(value as unknown[])
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value)
  if (value instanceof Date) return value.toISOString()
  return String(value)
}

interface Column {
  name: string
  type: string
}

function columnsOf(table: PgTable): Record<string, Column> {
  const out: Record<string, Column> = {}
  for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, PgColumn>))
    out[key] = { name: column.name, type: column.getSQLType() }
  return out
}

type Insert<T extends PgTable> = T['$inferInsert']
/** A row to write: the per-row properties (the fixed ones are given once, for every row). */
export type BulkRow<T extends PgTable> = Partial<Insert<T>>

export interface BulkInsert<T extends PgTable> {
  /** Properties taken from each row; a property a row lacks is NULL (not the column default). */
  columns: readonly (keyof Insert<T> & string)[]
  /** Properties with one value for every row: the tenant, timestamps. */
  fixed?: Partial<Insert<T>>
  /** ON CONFLICT (target) DO UPDATE SET property = SQL, … */
  onConflict?: { target: PgColumn[]; set: Partial<Record<keyof Insert<T> & string, SQL>> }
  /** Another table with the same columns to write into (a work table, work-tables.ts). */
  into?: SQL
}

/** `excluded.<column>` for each property: the upsert takes the imported value. */
export function fromExcluded<T extends PgTable>(
  table: T,
  keys: readonly (keyof Insert<T> & string)[],
): Record<string, SQL> {
  const columns = columnsOf(table)
  return Object.fromEntries(keys.map((k) => [k, sql`excluded.${sql.identifier(columns[k]!.name)}`]))
}

/** A value as an SQL parameter of the column's type. */
export function typed<T extends PgTable>(table: T, key: keyof Insert<T> & string, value: unknown): SQL {
  const column = columnsOf(table)[key]!
  return sql`${textOf(value, column.type)}::${sql.raw(column.type)}`
}

/**
 * Columns that travel as text and are cast row by row: arrays (unnest would flatten a
 * two-dimensional array) and JSON, whose parser leaves a few KB per value in the statement's
 * memory when a whole jsonb[] is read at once (≈14 MB per 5,000 rows, kept for good by PGlite's
 * WebAssembly memory); a per-row cast is freed row by row.
 */
const castPerRow = (type: string) => type.endsWith('[]') || type === 'jsonb' || type === 'json'

/**
 * INSERT … SELECT FROM unnest($1::type[], $2::type[], …) in statements of at most `size` rows
 * and about COLUMN_CHARS characters per column. When `tx` is an import staging's Db
 * (staging.ts), those statements fill a temporary table right away, and INSERT … SELECTs from
 * it into `table` are written down, to run once every sheet is staged.
 */
export async function bulkInsert<T extends PgTable>(
  tx: Db,
  table: T,
  rows: Iterable<BulkRow<T>>,
  spec: BulkInsert<T>,
  size = BULK_ROWS,
): Promise<void> {
  const columns = columnsOf(table)
  const per = spec.columns.map((key) => ({ key, ...columns[key]! }))
  const fixed = Object.entries(spec.fixed ?? {}).map(([key, value]) => ({ key, value, ...columns[key]! }))
  const names = sql.join(
    [...per, ...fixed].map((c) => sql.identifier(c.name)),
    sql`, `,
  )
  const selected = sql.join(
    [
      ...per.map((c, i) =>
        castPerRow(c.type)
          ? sql`${sql.identifier(`c${i}`)}::${sql.raw(c.type)}`
          : sql`${sql.identifier(`c${i}`)}`,
      ),
      ...fixed.map((c) => sql`${textOf(c.value, c.type)}::${sql.raw(c.type)}`),
    ],
    sql`, `,
  )
  const aliases = sql.join(
    per.map((_, i) => sql.identifier(`c${i}`)),
    sql`, `,
  )
  let conflict = sql``
  if (spec.onConflict) {
    const target = sql.join(
      spec.onConflict.target.map((c) => sql.identifier(c.name)),
      sql`, `,
    )
    const set = sql.join(
      Object.entries(spec.onConflict.set).map(
        ([key, value]) => sql`${sql.identifier(columns[key]!.name)} = ${value as SQL}`,
      ),
      sql`, `,
    )
    conflict = sql` on conflict (${target}) do update set ${set}`
  }
  const valueType = (type: string) => (castPerRow(type) ? 'text' : type)
  const elementTypes = per.map((c) => sql.raw(`${valueType(c.type)}[]`))
  const staging = stagingOf(tx)
  let stage: SQL | undefined
  /** Rows in the temporary table, numbered 1… by its seq in the order they came. */
  let staged = 0
  // Each column's elements, already quoted, for the statement being gathered, and the length
  // of its literal so far.
  let parts = per.map(() => [] as string[])
  let lengths = per.map(() => 0)
  let longest = 0
  const send = async () => {
    const count = parts[0]!.length
    const arrays = sql.join(
      parts.map((p, i) => sql`${literalOf(p)}::${elementTypes[i]!}`),
      sql`, `,
    )
    parts = per.map(() => [])
    lengths = per.map(() => 0)
    longest = 0
    if (staging) {
      stage ??= await staging.create(per.map((c, i) => ({ name: `c${i}`, type: valueType(c.type) })))
      await staging.store.execute(
        sql`insert into ${stage} (${aliases}) select * from unnest(${arrays}) as u(${aliases})`,
      )
      staged += count
    } else {
      // The import's transaction fills its tables as it goes (server/db/replan.ts).
      const n = (written.get(tx) ?? 0) + 1
      written.set(tx, n)
      if (replanDue(n)) await tx.execute(sql.raw(DISCARD_PLANS))
      await tx.execute(
        sql`insert into ${spec.into ?? table} (${names}) select ${selected} from unnest(${arrays}) as u(${aliases})${conflict}`,
      )
    }
    await breathe()
  }
  for (const row of rows) {
    for (let i = 0; i < per.length; i++) {
      const text = textOf((row as Record<string, unknown>)[per[i]!.key], per[i]!.type)
      const element = text === null ? 'NULL' : quoted(text)
      parts[i]!.push(element)
      lengths[i] = lengths[i]! + element.length + 1
      longest = Math.max(longest, lengths[i]!)
    }
    if (parts[0]!.length >= size || longest >= COLUMN_CHARS) await send()
  }
  if (parts[0]!.length > 0) await send()
  if (stage) {
    // Written down, not run: each runs later in a transaction of its own (server/db/deferred.ts),
    // in the order the rows came, MOVE_ROWS a statement (a whole sheet in one would hold PGlite's
    // thread, and with it every other request, for seconds).
    const rowsPerMove = Math.min(size, MOVE_ROWS)
    for (let from = 1; from <= staged; from += rowsPerMove)
      await tx.execute(
        sql`insert into ${table} (${names}) select ${selected} from ${stage} where seq >= ${from} and seq < ${from + rowsPerMove} order by seq${conflict}`,
      )
    await tx.execute(sql`drop table ${stage}`)
  }
}

/** `column = any($1::type[])`: one parameter for a list of any length. */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${arrayLiteral(values)}::${sql.raw(column.getSQLType())}[])`
}
