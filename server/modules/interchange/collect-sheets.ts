// Reads every sheet of the given files into parsed rows: headers matched to the sheet's
// columns, each cell read by its column's kind. Problems go to `issues`; reading goes on so
// that one run reports every error.
import { basename } from 'node:path'
import { unguardFormula } from '#shared/interchange/formula-guard.ts'
import { parseKana, parsePhones, parseYesNo } from '#shared/interchange/people-values.ts'
import {
  type ColumnDef,
  findSheet,
  matchHeaders,
  missingColumnReason,
  SHEETS,
  type SheetDef,
  type SheetKey,
  unknownColumnReason,
  unknownSheetReason,
} from '#shared/interchange/sheets.ts'
import {
  parseCode,
  parseCodes,
  parseFiscalYear,
  parseInteger,
  parseLedgerDate,
  parseLedgerTime,
  parseWardCell,
  splitMulti,
} from '#shared/interchange/values.ts'
import { breathe, ROWS_PER_TURN } from './breathe.ts'
import { type Issues, NAMING_COLUMNS, type ParsedLedger, type SheetRow } from './import-model.ts'
import {
  type Cell,
  LedgerReadError,
  type LedgerRow,
  type LedgerSheet,
  type ReadOptions,
} from './read/ledger.types.ts'
import { readLedger } from './read/read-ledger.ts'

type Read = { ok: true; value: unknown } | { ok: false; reason: string }

const isBlank = (cell: Cell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')

function asText(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell).trim()
}

const WINDOW = new Set(['window', '相談窓口'])

/** One cell by its column's kind; blank is null (required-ness is checked by the caller). */
export function readCell(column: ColumnDef, cell: Cell | undefined): Read {
  if (isBlank(cell)) return { ok: true, value: null }
  const c = cell as Cell
  switch (column.kind) {
    case 'text':
      return { ok: true, value: unguardFormula(asText(c)) }
    case 'answer':
      // Unguarded by planResponses: a text answer is one item, a multiple one several.
      return { ok: true, value: asText(c) }
    case 'date':
      return parseLedgerDate(c)
    case 'time':
      return parseLedgerTime(c)
    case 'integer':
      return parseInteger(c, { min: column.min, max: column.max })
    case 'code':
      return parseCode(column.codes!, c)
    case 'codes':
      return parseCodes(column.codes!, c)
    case 'ward':
      return parseWardCell(c)
    case 'intake':
      return WINDOW.has(asText(c).toLowerCase()) ? { ok: true, value: 'window' } : parseWardCell(c)
    case 'list':
      // An export guards each item (ledgerCell): split first, then take the quotes off.
      return { ok: true, value: splitMulti(c).map(unguardFormula) }
    case 'fiscal_years': {
      const years: number[] = []
      for (const part of splitMulti(c)) {
        const fy = parseFiscalYear(part)
        if (!fy.ok) return fy
        years.push(fy.value as number)
      }
      return { ok: true, value: [...new Set(years)].sort((a, b) => a - b) }
    }
    case 'yes_no':
      return parseYesNo(column.codes!, c)
    case 'kana':
      return parseKana(c)
    case 'phones':
      // Like a list: an export guards each number, so split first, then take the quotes off.
      return typeof c === 'string'
        ? parsePhones(splitMulti(c).map(unguardFormula).join('\n'))
        : parsePhones(c)
  }
}

/**
 * One copy of each repeated value: case and meeting numbers, dates, times and staff repeat over
 * thousands of rows (a case's contacts, a day's records), and the parsed ledger is held until
 * it is written. Personal columns (names, summaries) are free text and are not pooled.
 */
type Pool = Map<string, string>
const pooled = (pool: Pool, value: string) => {
  const known = pool.get(value)
  if (known !== undefined) return known
  pool.set(value, value)
  return value
}

function readRow(def: SheetDef, columns: Map<string, ColumnDef>, row: LedgerRow, issues: Issues, pool: Pool) {
  const v: Record<string, unknown> = {}
  let blank = !row.faults
  for (const cell of row.cells.values()) if (!isBlank(cell)) blank = false
  if (blank) return undefined
  for (const [header, column] of columns) {
    // A cell the reader could not read (too long, a character lost) is an error where it is.
    const fault = row.faults?.get(header)
    if (fault !== undefined) {
      issues.error(def.key, row.rowNumber, column.key, fault)
      v[column.key] = undefined
      continue
    }
    const read = readCell(column, row.cells.get(header))
    if (!read.ok) {
      // A personal column is text and never fails; the reason names the value kind only.
      issues.error(def.key, row.rowNumber, column.key, read.reason)
      v[column.key] = undefined
      continue
    }
    const titleOfLaterRow = def.key === 'surveys' && column.key === 'title'
    if (read.value === null && column.required === true && !titleOfLaterRow) {
      issues.error(def.key, row.rowNumber, column.key, `「${column.ja}」が空欄です`)
      v[column.key] = undefined
      continue
    }
    v[column.key] = typeof read.value === 'string' && !column.personal ? pooled(pool, read.value) : read.value
  }
  return { row: row.rowNumber, v } satisfies SheetRow
}

/**
 * A worksheet known only as "Sheet1"… (a reader that meets the sheets before the workbook's
 * names, as with workbooks written by streaming writers): the one sheet whose required columns
 * are all among its headers.
 */
function byHeaders(name: string, headers: string[]): SheetDef | undefined {
  if (!/^sheet\d+$/iu.test(name.trim())) return undefined
  const fits = SHEETS.map((def) => ({ def, match: matchHeaders(def, headers) })).filter(
    ({ match }) => match.missing.length === 0 && match.unknown.length === 0,
  )
  return fits.length === 1 ? fits[0]!.def : undefined
}

/** The sheet a read sheet is, by its name or (a "Sheet1") by its headers; undefined when none. */
const defOf = (sheet: LedgerSheet) => findSheet(sheet.name) ?? byHeaders(sheet.name, sheet.headers)

/**
 * Sheets whose rows are not held: each is read again when its turn to be planned comes
 * (`streamRows`), a chunk of rows at a time, so that an import's memory does not grow with its
 * biggest sheets (issue 15: 1,000,000 contacts at 20 times the bench city). Collecting notes
 * only their columns and the case and meeting numbers they name, for loading what is stored.
 * The meetings sheet is planned whole (import-ledger.ts reads all its chunks at its turn), but
 * not held while the cases and contacts are: 30,000 meetings at 20 times the bench city held
 * ~12 MB through the contacts, where the import's memory peaks.
 */
export const STREAMED: ReadonlySet<SheetKey> = new Set(['cases', 'contacts', 'meetings', 'reviews'])

export async function collectSheets(
  paths: string[],
  options: ReadOptions,
  issues: Issues,
): Promise<ParsedLedger> {
  const ledger: ParsedLedger = new Map()
  const pool: Pool = new Map()
  try {
    for await (const sheet of readLedger(paths, options)) {
      const def = defOf(sheet)
      if (!def) {
        issues.warn(sheet.name, 0, '', unknownSheetReason(sheet.name))
        for await (const _ of sheet.rows) {
          // Drained: a streaming reader moves to the next sheet only after this one's rows.
        }
        continue
      }
      const match = matchHeaders(def, sheet.headers)
      for (const header of match.unknown) issues.warn(def.key, 1, header, unknownColumnReason(header))
      for (const column of match.missing) issues.error(def.key, 1, column.key, missingColumnReason(column))
      const streamed = STREAMED.has(def.key)
      const parsed = ledger.get(def.key) ?? {
        present: new Set<string>(),
        rows: [],
        ...(streamed ? { named: new Map(NAMING_COLUMNS.map((column) => [column, new Set<string>()])) } : {}),
      }
      for (const key of match.present) parsed.present.add(key)
      ledger.set(def.key, parsed)
      const naming = [...match.columns].filter(([, column]) => parsed.named?.has(column.key))
      let n = 0
      for await (const row of sheet.rows) {
        if (parsed.named) {
          // Read again, with every check, by streamRows.
          for (const [header, column] of naming) {
            const read = readCell(column, row.cells.get(header))
            if (read.ok && typeof read.value === 'string') parsed.named.get(column.key)!.add(read.value)
          }
        } else {
          const read = readRow(def, match.columns, row, issues, pool)
          if (read) parsed.rows.push(read)
        }
        // A reader may hand over a whole buffered chunk's rows without waiting for I/O.
        if (++n % ROWS_PER_TURN === 0) await breathe()
      }
    }
  } catch (error) {
    if (!(error instanceof LedgerReadError)) throw error
    issues.error(basename(error.source), 0, '', error.reason)
  }
  if (ledger.size === 0 && issues.ok) {
    issues.error('', 0, '', '取込形式のシート（相談ケース、対応記録など）が見つかりません')
  }
  return ledger
}

/** Rows a chunk of `streamRows` holds at most. */
export const STREAM_ROWS = 2000

/**
 * The rows of one streamed sheet, read again from the files and checked cell by cell as
 * collectSheets checks the others (errors go to `issues`), in chunks of at most STREAM_ROWS.
 * Only a sheet that collecting found is read. A file that cannot be read was reported when
 * collecting: here its rows end where reading stopped.
 */
export async function* streamRows(
  paths: string[],
  options: ReadOptions,
  ledger: ParsedLedger,
  key: SheetKey,
  issues: Issues,
): AsyncGenerator<SheetRow[]> {
  if (!ledger.has(key)) return
  let chunk: SheetRow[] = []
  try {
    for await (const sheet of readLedger(paths, options)) {
      const def = defOf(sheet)
      // Another sheet: moving on skips its rows (readLedger).
      if (def?.key !== key) continue
      const match = matchHeaders(def, sheet.headers)
      // A pool per chunk: repeated values (dates, codes, staff) share one string while the chunk
      // is held, and nothing outlives it.
      let pool: Pool = new Map()
      for await (const row of sheet.rows) {
        const read = readRow(def, match.columns, row, issues, pool)
        if (read) chunk.push(read)
        if (chunk.length >= STREAM_ROWS) {
          yield chunk
          chunk = []
          pool = new Map()
        }
      }
    }
  } catch (error) {
    if (!(error instanceof LedgerReadError)) throw error
  }
  if (chunk.length > 0) yield chunk
}
