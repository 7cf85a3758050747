// An .xlsx workbook as ledger sheets, streamed with exceljs's WorkbookReader: worksheets and
// their rows arrive in file order and are never all held in memory.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type ExcelJS from 'exceljs'
import { type Cell, LedgerReadError, type LedgerRow } from './ledger.types.ts'
import { EMPTY, NOT_A_SPREADSHEET } from './reasons.ts'
import type { OpenSheet } from './sheet.ts'

const DAY_MS = 86_400_000
/** Serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569

/** True for a number format that shows a date or time (y, m, d, h, s outside quotes/[...]). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\.|[_*]./g, '')
  return /[ymdhs]/i.test(bare)
}

/** A cell's value as the importer wants it: text trimmed (blank → null), formulas by result. */
export function cellValue(value: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    const text = value.trim()
    return text === '' ? null : text
  }
  if (typeof value === 'number') {
    // exceljs already turns plain date cells into Dates; a formula's numeric result in a date
    // format is still a serial. Same conversion as exceljs: UTC midnight of that day.
    return isDateFormat(numFmt) ? new Date(Math.round((value - UNIX_EPOCH_SERIAL) * DAY_MS)) : value
  }
  if (typeof value === 'boolean' || value instanceof Date) return value
  if ('richText' in value) return cellValue(value.richText.map((r) => r.text ?? '').join(''), undefined)
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? null : cellValue(value.result, numFmt)
  }
  if ('error' in value) return value.error
  if ('text' in value) return cellValue(value.text as ExcelJS.CellValue, undefined)
  return null
}

async function isZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) // "PK\3\4": a zip's first entry
  } finally {
    await handle.close()
  }
}

/**
 * The workbook's worksheets, each opened up to its header row (its first non-empty row).
 * Worksheets without any content are skipped (Excel's untouched Sheet2, Sheet3 …).
 */
export async function* openXlsx(file: string): AsyncGenerator<OpenSheet> {
  // An encrypted workbook is an OLE file, an .xls renamed, or text: none is a zip.
  if (!(await isZip(file))) throw new LedgerReadError(file, NOT_A_SPREADSHEET)
  // Loaded on first use: exceljs costs ~16 MB of memory, which a CSV import never needs.
  const { default: Excel } = await import('exceljs')
  const input = createReadStream(file)
  const reader = new Excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    // Styles are needed to know which numeric cells are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  const fail = (error: unknown) =>
    error instanceof LedgerReadError ? error : new LedgerReadError(file, NOT_A_SPREADSHEET)

  let worksheets = 0
  let nonEmpty = 0
  try {
    const books = reader[Symbol.asyncIterator]()
    for (;;) {
      let next: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>
      try {
        next = await books.next()
      } catch (error) {
        throw fail(error)
      }
      if (next.done) break
      worksheets++
      const worksheet = next.value as ExcelJS.stream.xlsx.WorksheetReader & { name: string }
      const rowsIt = worksheet[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.Row>
      const nextRow = async () => {
        try {
          return await rowsIt.next()
        } catch (error) {
          throw fail(error)
        }
      }

      // Header: column number → trimmed text; empty header cells are not columns.
      const columns: [number, string][] = []
      const headers: string[] = []
      let headerRowNumber = 0
      for (;;) {
        const result = await nextRow()
        if (result.done) break
        headerRowNumber = result.value.number
        result.value.eachCell((cell, col) => {
          const value = cellValue(cell.value, undefined)
          if (value === null) return
          const name = value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
          headers.push(name)
          // The first of a repeated header wins; the importer sees the repeat in `headers`.
          if (!columns.some(([, n]) => n === name)) columns.push([col, name])
        })
        if (columns.length > 0) break
      }
      if (columns.length === 0) continue
      nonEmpty++

      let finished = false
      async function* rows(): AsyncGenerator<LedgerRow> {
        for (;;) {
          const result = await nextRow()
          if (result.done) break
          const row = result.value
          const cells = new Map<string, Cell>()
          let blank = true
          for (const [col, name] of columns) {
            const cell = row.getCell(col)
            const value = cellValue(cell.value, cell.numFmt)
            if (value !== null) blank = false
            cells.set(name, value)
          }
          if (!blank) yield { rowNumber: row.number, cells }
        }
        finished = true
      }
      yield {
        sheet: { name: worksheet.name, source: file, headers, headerRowNumber, rows: rows() },
        // Worksheets share one zip stream: the next one cannot start until this one is read.
        // When stopping, the finally below closes the file instead.
        close: async (why) => {
          if (why === 'stop') return
          while (!finished && !(await nextRow()).done) {}
          finished = true
        },
      }
    }
  } finally {
    input.destroy()
  }
  if (worksheets === 0) throw new LedgerReadError(file, NOT_A_SPREADSHEET)
  if (nonEmpty === 0) throw new LedgerReadError(file, EMPTY)
}
