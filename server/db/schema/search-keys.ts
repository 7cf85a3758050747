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

/**
 * The search indexes' pending list (kB): GIN queues new rows' keys there and merges them into the
 * index when the list is full (or at VACUUM), and every search reads the whole list. At the
 * default 4 MB a search at 100,000 cases spent 30–60 ms in it after a bulk write (and PGlite never
 * vacuums); 128 kB keeps that to a few pages while writes still merge their keys in batches.
 */
export const SEARCH_PENDING_LIST_KB = 128
