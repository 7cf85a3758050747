// Bulk writes for the importer: one array parameter per column, unnested by the database, so a
// statement of thousands of rows has a handful of parameters instead of one per value. Building
// multi-row VALUES through the query builder cost about a million parameters for a city's ledger
// (and hundreds of MB of short-lived objects); these statements stay small and memory stays flat.
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client.ts'

/** Rows per statement: large enough to amortise a round trip, small enough to keep memory flat. */
export const BULK_ROWS = 5000

const NEEDS_ESCAPE = /[\\"]/g

/**
 * A PostgreSQL array literal. Every element is quoted, so text such as NULL, {a} or "x" stays
 * text; null and undefined are SQL NULL.
 */
export function arrayLiteral(items: readonly unknown[]): string {
  const parts = new Array<string>(items.length)
  for (let i = 0; i < items.length; i++) {
    const v = items[i]
    parts[i] = v == null ? 'NULL' : `"${String(v).replace(NEEDS_ESCAPE, '\\$&')}"`
  }
  return `{${parts.join(',')}}`
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
 * INSERT … SELECT FROM unnest($1::type[], $2::type[], …) in statements of `size` rows. Array
 * columns travel as text[] of array literals (unnest would flatten a two-dimensional array)
 * and are cast back per row.
 */
export async function bulkInsert<T extends PgTable>(
  tx: Db,
  table: T,
  rows: readonly BulkRow<T>[],
  spec: BulkInsert<T>,
  size = BULK_ROWS,
): Promise<void> {
  if (rows.length === 0) return
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
        c.type.endsWith('[]')
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
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size)
    const arrays = sql.join(
      per.map((c) => {
        const values = batch.map((row) => textOf((row as Record<string, unknown>)[c.key], c.type))
        const elementType = c.type.endsWith('[]') ? 'text' : c.type
        return sql`${arrayLiteral(values)}::${sql.raw(elementType)}[]`
      }),
      sql`, `,
    )
    await tx.execute(
      sql`insert into ${table} (${names}) select ${selected} from unnest(${arrays}) as u(${aliases})${conflict}`,
    )
  }
}

/** `column = any($1::type[])`: one parameter for a list of any length. */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${arrayLiteral(values)}::${sql.raw(column.getSQLType())}[])`
}
