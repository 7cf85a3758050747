// Shared by the sheet writers: who the import acts for, and SQL for batched upserts.
import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Actor } from '#server/platform/actor.ts'
import { quote } from '#shared/interchange/quote.ts'
import type { Counts } from './import-model.ts'

export interface ImportContext {
  tenantId: string
  actor: Actor | null
  now: Date
}

/** The name case histories show for a change the import made. */
export function importerName(ctx: ImportContext): string {
  return ctx.actor?.name ?? '一括取込（コマンド）'
}

/**
 * `SET col = excluded.col` for the given properties of a table, for
 * INSERT … ON CONFLICT DO UPDATE of many rows in one statement.
 */
export function excludedSet<T extends PgTable>(table: T, keys: readonly string[]): Record<string, SQL> {
  const columns = getTableColumns(table) as Record<string, { name: string }>
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded."${columns[k]!.name}"`)]))
}

/** One sheet's part of an import: what it would add and update, and how to write it. */
export interface SheetPlan {
  counts: Counts
  write(tx: import('#server/db/client.ts').Db): Promise<void>
}

export const BEFORE_OPENING = '受付日より前の日付です'

export function duplicateReason(what: string, id: string, firstRow: number): string {
  return `${what}${quote(id)}が重複しています（最初は${firstRow}行目）`
}
