/**
 * What the readers hand to the importer: sheets of rows keyed by the header text as written
 * in the file. Readers know file formats; they know nothing of the sheets' meaning.
 */
export type Cell = string | number | boolean | Date | null

export interface LedgerRow {
  /** The row number a person sees in Excel or a text editor (header row = 1). */
  rowNumber: number
  /** Header text as written (trimmed) → cell value. */
  cells: Map<string, Cell>
  /**
   * Cells that could not be read (too long, a character lost in reading): header → reason. Such
   * a cell is null in `cells`; the importer reports it at its sheet, row and column.
   */
  faults?: Map<string, string>
}

export interface LedgerSheet {
  /** The workbook's sheet name, or the CSV file's base name without extension. */
  name: string
  /** The file it came from, for messages. */
  source: string
  headers: string[]
  /** The row the headers were read from: 1, unless the rows above it are blank. */
  headerRowNumber: number
  rows: AsyncIterable<LedgerRow>
}

/** A file that cannot be read at all (not a spreadsheet, empty, too large, bad encoding). */
export class LedgerReadError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`${source}: ${reason}`)
  }
}

export type CsvEncoding = 'utf-8' | 'cp932'

export interface ReadOptions {
  /** Forces the CSV encoding; detected when omitted (UTF-8 with or without BOM, else CP932). */
  encoding?: CsvEncoding
  /** Largest file accepted, in bytes. */
  maxBytes?: number
  /** Rows per sheet, header and blank rows included (default DEFAULT_LIMITS.maxRows). */
  maxRows?: number
  /** Characters per cell (UTF-16 code units, as Excel counts them). */
  maxCellChars?: number
  /** Bytes one part of a workbook may inflate to; the whole workbook may inflate to twice that. */
  maxPartBytes?: number
}

/**
 * What a file may make the reader hold or do, so that no upload can take the service down.
 * Each is far above a real ledger: a national year's ledger is under a million rows, Excel
 * itself stops at 1,048,576 rows and 32,767 characters a cell, and a 30 MiB workbook of
 * ordinary sheets inflates to a few hundred MB at most.
 */
export const DEFAULT_LIMITS = {
  maxRows: 2_000_000,
  maxCellChars: 32_767,
  maxPartBytes: 512 * 1024 * 1024,
} as const

export type ReadLimits = { [K in keyof typeof DEFAULT_LIMITS]: number }

export function limitsOf(options: ReadOptions): ReadLimits {
  return {
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxCellChars: options.maxCellChars ?? DEFAULT_LIMITS.maxCellChars,
    maxPartBytes: options.maxPartBytes ?? DEFAULT_LIMITS.maxPartBytes,
  }
}

export interface ImportError {
  sheet: string
  /** 0 when the problem is the file or the sheet as a whole. */
  row: number
  /** The column's key (docs/ledger-format.md), or '' for the whole row or file. */
  column: string
  reason: string
}

export interface ImportResult {
  ok: boolean
  dryRun: boolean
  /** The first REPORTED_ISSUES (1,000) errors found, by sheet and row. */
  errors: ImportError[]
  /** Every error found, reported or not. */
  errorCount: number
  warnings: ImportError[]
  warningCount: number
  /** Per sheet key: records added and updated (for a dry run, what would be). */
  counts: Record<string, { added: number; updated: number }>
}
