import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/**
 * The SQL side of searching people by name (migration 0008 defines the functions). Kept in one
 * place because a GIN index on an expression is used only by a query that repeats the expression
 * exactly: the schema's indexes and the search queries both build it here.
 */

/** search_fold(x): how names, kana, case numbers and mail addresses are compared. */
export const fold = (value: AnyPgColumn | SQL | string): SQL => sql`search_fold(${value})`

/** search_grams(parts…): the index keys (characters and pairs) of already folded parts. */
export const searchKeys = (...parts: (AnyPgColumn | SQL)[]): SQL =>
  sql`search_grams(${sql.join(parts, sql`, `)})`

/** The keys a query must all have (one or two characters: itself; longer: its pairs). */
export const queryKeys = (folded: SQL): SQL => sql`search_query_grams(${folded})`
