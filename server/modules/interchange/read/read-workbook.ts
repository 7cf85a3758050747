// A small workbook (the organisation sheet) read whole, through the ledger's own xlsx reader: the
// same protection against characters lost at inflate-chunk edges (exceljs's `load` turned an
// emoji cut between two chunks into two U+FFFD), zip bombs and oversized cells.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Cell, LedgerReadError, type ReadOptions } from './ledger.types.ts'
import { openXlsx } from './read-xlsx.ts'

export interface WorkbookRow {
  rowNumber: number
  /** Header → the cell as text ('' when empty). */
  cells: Map<string, string>
  /** Header → why the cell could not be read. */
  faults?: Map<string, string>
}

export interface WorkbookSheet {
  headers: string[]
  rows: WorkbookRow[]
}

const asText = (value: Cell): string =>
  value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)

/**
 * Every worksheet of an .xlsx body by name, rows as text. Throws WorkbookUnreadable with the
 * reader's Japanese reason when the body is not a workbook or breaks a limit.
 */
export async function readWorkbook(body: Buffer, options: ReadOptions): Promise<Map<string, WorkbookSheet>> {
  const dir = await mkdtemp(join(tmpdir(), 'yorisoi-book-'))
  const file = join(dir, 'book.xlsx')
  try {
    await writeFile(file, body)
    const sheets = new Map<string, WorkbookSheet>()
    for await (const open of openXlsx(file, options)) {
      const rows: WorkbookRow[] = []
      for await (const row of open.sheet.rows) {
        const cells = new Map([...row.cells].map(([h, v]) => [h, asText(v)]))
        rows.push(
          row.faults
            ? { rowNumber: row.rowNumber, cells, faults: row.faults }
            : { rowNumber: row.rowNumber, cells },
        )
      }
      sheets.set(open.sheet.name, { headers: open.sheet.headers, rows })
    }
    return sheets
  } catch (error) {
    if (error instanceof LedgerReadError) throw new WorkbookUnreadable(error.reason)
    throw error
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export class WorkbookUnreadable extends Error {
  constructor(readonly reason: string) {
    super(reason)
  }
}
