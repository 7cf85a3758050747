// An .xlsx workbook as ledger sheets: the zip read through its directory (zip-parts.ts), the
// workbook's own parts first (xlsx-book.ts), then each worksheet streamed row by row
// (xlsx-sheet.ts). Not exceljs's streaming reader: it decoded each inflate chunk on its own,
// turning a character cut at a chunk's edge into U+FFFD (exceljs issues #2063, #2084, #2316),
// and it could neither stop a zip bomb while inflating nor a 200 MiB cell while parsing.
import { open } from 'node:fs/promises'
import { checkRowCount } from './count-rows.ts'
import { type Cell, LedgerReadError, type LedgerRow, limitsOf, type ReadOptions } from './ledger.types.ts'
import { EMPTY, NOT_A_SPREADSHEET } from './reasons.ts'
import type { OpenSheet } from './sheet.ts'
import { readBook, readDateStyles, readSharedStrings, type SharedStrings } from './xlsx-book.ts'
import { sheetRows } from './xlsx-sheet.ts'
import { ZipParts } from './zip-parts.ts'

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

const headerText = (value: Cell): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value)

/**
 * The workbook's worksheets in the workbook's order, each opened up to its header row (its
 * first non-empty row). Worksheets without any content are skipped (Excel's untouched Sheet2 …).
 */
export async function* openXlsx(file: string, options: ReadOptions = {}): AsyncGenerator<OpenSheet> {
  // An encrypted workbook is an OLE file, an .xls renamed, or text: none is a zip.
  if (!(await isZip(file))) throw new LedgerReadError(file, NOT_A_SPREADSHEET)
  const limits = limitsOf(options)
  const zip = await ZipParts.open(file, limits.maxPartBytes)
  try {
    const book = await readBook(zip, limits.maxCellChars)
    if (book.sheets.length === 0) throw new LedgerReadError(file, NOT_A_SPREADSHEET)
    const dateStyles = book.styles
      ? await readDateStyles(zip, book.styles, limits.maxCellChars)
      : new Set<number>()
    const shared: SharedStrings = book.sharedStrings
      ? await readSharedStrings(zip, book.sharedStrings, {
          maxCellChars: limits.maxCellChars,
          // Far more than a sheet of the row limit uses; each costs memory even when empty.
          maxStrings: 4 * limits.maxRows,
        })
      : { strings: [], holdsReplacement: false }

    let nonEmpty = 0
    for (const { name, part } of book.sheets) {
      // Counted first, so that an oversized sheet is refused before any of it is imported.
      await checkRowCount(zip, part, name, limits.maxRows)
      // Header: column number → trimmed text; empty header cells are not columns.
      let columns: Map<number, string> | undefined
      const rowsIt = sheetRows(
        { zip, name, part, shared, dateStyles, date1904: book.date1904, ...limits },
        (col) => columns === undefined || columns.has(col),
      )
      const headers: string[] = []
      let headerRowNumber = 0
      for (;;) {
        const next = await rowsIt.next()
        if (next.done) break
        const found = new Map<number, string>()
        for (const [col, value] of [...next.value.cells].sort(([a], [b]) => a - b)) {
          if (value === null) continue
          const header = headerText(value)
          headers.push(header)
          // The first of a repeated header wins; the importer sees the repeat in `headers`.
          if (![...found.values()].includes(header)) found.set(col, header)
        }
        if (found.size > 0) {
          columns = found
          headerRowNumber = next.value.rowNumber
          break
        }
      }
      if (!columns) continue
      nonEmpty++
      const wanted = columns

      async function* rows(): AsyncGenerator<LedgerRow> {
        for await (const row of { [Symbol.asyncIterator]: () => rowsIt }) {
          const cells = new Map<string, Cell>()
          let faults: Map<string, string> | undefined
          let blank = true
          for (const [col, header] of wanted) {
            const value = row.cells.get(col) ?? null
            if (value !== null) blank = false
            cells.set(header, value)
            const fault = row.faults.get(col)
            if (fault === undefined) continue
            faults ??= new Map()
            faults.set(header, fault)
          }
          if (!blank || faults)
            yield faults ? { rowNumber: row.rowNumber, cells, faults } : { rowNumber: row.rowNumber, cells }
        }
      }
      yield {
        sheet: { name, source: file, headers, headerRowNumber, rows: rows() },
        // Parts are read through the zip's directory: nothing to drain before the next sheet.
        close: async () => {
          await rowsIt.return(undefined)
        },
      }
    }
    if (nonEmpty === 0) throw new LedgerReadError(file, EMPTY)
  } finally {
    zip.close()
  }
}
