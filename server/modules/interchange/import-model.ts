// What the importer passes between its steps: parsed rows per sheet, the problems found, and
// small helpers for bulk work. No I/O here.
import { clip } from '#shared/interchange/quote.ts'
import type { SheetKey } from '#shared/interchange/sheets.ts'
import type { ImportError } from './read/ledger.types.ts'

/** One data row after each cell was read: column key → value (null = blank). */
export interface SheetRow {
  row: number
  /**
   * Only the columns the file has are keys. A cell that could not be read (already reported)
   * is undefined: checks that need it are skipped.
   */
  v: Record<string, unknown>
}

export interface ParsedSheet {
  /** Keys of the columns the file has (a missing optional column keeps stored values). */
  present: Set<string>
  /** Empty for a streamed sheet (collect-sheets.ts STREAMED): its rows are read when planned. */
  rows: SheetRow[]
  /**
   * A streamed sheet's case and meeting numbers (NAMING_COLUMNS, as read, unchecked), for loading
   * what is stored.
   */
  named?: Map<string, Set<string>>
}

/** The columns whose values a streamed sheet notes while collecting. */
export const NAMING_COLUMNS = ['case_id', 'meeting_id'] as const

export type ParsedLedger = Map<SheetKey, ParsedSheet>

/**
 * Errors, and warnings, kept for the report: the first ones found. A file can hold millions of
 * bad cells; past these they are only counted, so the report stays small.
 */
export const REPORTED_ISSUES = 1000
/** A reason is built from short parts (quotes are clipped): this only bounds a mistake. */
const REASON_CHARS = 1000

/** Every problem of an import, errors and warnings: the first REPORTED_ISSUES of each, and counts. */
export class Issues {
  readonly errors: ImportError[] = []
  readonly warnings: ImportError[] = []
  /** All errors found, reported or not. */
  errorCount = 0
  warningCount = 0
  get ok(): boolean {
    return this.errorCount === 0
  }
  error(sheet: string, row: number, column: string, reason: string) {
    this.errorCount++
    if (this.errors.length < REPORTED_ISSUES) this.errors.push(issue(sheet, row, column, reason))
  }
  warn(sheet: string, row: number, column: string, reason: string) {
    this.warningCount++
    if (this.warnings.length < REPORTED_ISSUES) this.warnings.push(issue(sheet, row, column, reason))
  }
}

// A sheet's name and a column's header come from the file as written when they are unknown.
const issue = (sheet: string, row: number, column: string, reason: string): ImportError => ({
  sheet: clip(sheet),
  row,
  column: clip(column),
  reason: clip(reason, REASON_CHARS),
})

export interface Counts {
  added: number
  updated: number
}

export const str = (r: SheetRow, key: string) => r.v[key] as string | null | undefined
export const num = (r: SheetRow, key: string) => r.v[key] as number | null | undefined
export const list = (r: SheetRow, key: string) => r.v[key] as string[] | null | undefined

/** Rows of a parsed sheet, or none when the file has no such sheet. */
export function rowsOf(ledger: ParsedLedger, key: SheetKey): SheetRow[] {
  return ledger.get(key)?.rows ?? []
}

/** The values a sheet has in a column: a streamed sheet's as noted (NAMING_COLUMNS), another's from its rows. */
export function namedIn(
  ledger: ParsedLedger,
  key: SheetKey,
  column: (typeof NAMING_COLUMNS)[number] | string,
): Iterable<string> {
  const sheet = ledger.get(key)
  if (sheet?.named) return sheet.named.get(column) ?? []
  return (sheet?.rows ?? []).map((r) => str(r, column)).filter((v): v is string => typeof v === 'string')
}

/**
 * Lets go of a sheet's rows once it has been planned (and written): the sheet stays known, with
 * its columns, but its rows are no longer held.
 */
export function releaseRows(ledger: ParsedLedger, key: SheetKey): void {
  const sheet = ledger.get(key)
  if (sheet) sheet.rows = []
}

export function has(ledger: ParsedLedger, key: SheetKey, column: string): boolean {
  return ledger.get(key)?.present.has(column) ?? false
}

/** Splits work into statements of at most `size` rows (multi-row INSERTs, IN lists). */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

export async function inChunks<T, R>(items: readonly T[], fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (const chunk of chunks(items, 1000)) out.push(...(await fn(chunk)))
  return out
}

/** Equality of stored and imported values as the ledger sees them (arrays by content). */
export function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = (a ?? []) as unknown[]
    const y = (b ?? []) as unknown[]
    return x.length === y.length && x.every((v, i) => v === y[i])
  }
  return (a ?? null) === (b ?? null)
}

export function sameFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((f) => same(a[f], b[f]))
}

export const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)]

/** True when a row has a cell already reported as an error: it is checked, never written. */
export const hasBadCell = (r: SheetRow) => Object.values(r.v).includes(undefined)
