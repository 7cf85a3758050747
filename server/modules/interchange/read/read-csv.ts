// One CSV file as one ledger sheet, streamed: fs → decoder → csv-parse, a record at a time.
import { createReadStream } from 'node:fs'
import { basename, extname } from 'node:path'
import { pipeline } from 'node:stream'
import { parse } from 'csv-parse'
import { decodeCsv } from './decode-csv.ts'
import {
  type Cell,
  LedgerReadError,
  type LedgerRow,
  type LedgerSheet,
  limitsOf,
  type ReadOptions,
} from './ledger.types.ts'
import { cellTooLong, EMPTY, malformedCsv, tooManyRows, UNREADABLE } from './reasons.ts'
import type { OpenSheet } from './sheet.ts'

function toReadError(source: string, error: unknown): LedgerReadError {
  if (error instanceof LedgerReadError) return error
  const e = error as { code?: string; lines?: number }
  // csv-parse's own messages quote the offending field: keep only where it happened.
  if (e.code?.startsWith('CSV_')) return new LedgerReadError(source, malformedCsv(e.lines))
  return new LedgerReadError(source, UNREADABLE)
}

const cellOf = (field: string | undefined): Cell => {
  const text = field?.trim() ?? ''
  return text === '' ? null : text
}

/**
 * Opens a CSV file and reads up to its header row. Rows are numbered by record (header = 1),
 * blank records included, because that is the row number a spreadsheet app shows for the file;
 * a quoted field spanning lines is still one row there, so physical line numbers would mislead.
 */
export async function openCsv(file: string, options: ReadOptions): Promise<OpenSheet> {
  const { maxRows, maxCellChars } = limitsOf(options)
  const name = basename(file, extname(file))
  const parser = parse({
    // Excel writes cell line breaks as LF inside CRLF files, and old files use CR: accept all.
    record_delimiter: ['\r\n', '\n', '\r'],
    // Rows shorter (or longer) than the header are normal in hand-kept ledgers.
    relax_column_count: true,
    // A stray quote inside an unquoted field (5") is kept as text, as Excel does.
    relax_quotes: true,
  })
  const bytes = createReadStream(file)
  // pipeline destroys every stage when one fails, so a decoding error ends the parse.
  pipeline(bytes, decodeCsv(file, options.encoding), parser, () => {})
  const records: AsyncIterator<string[]> = parser[Symbol.asyncIterator]()

  let recordNo = 0
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      const result = await records.next()
      if (result.done) return result
      // Blank records count: they are rows in a spreadsheet app, and cost reading all the same.
      if (++recordNo > maxRows) throw new LedgerReadError(file, tooManyRows(name, maxRows))
      return result
    } catch (error) {
      throw toReadError(file, error)
    }
  }

  let header: string[] | undefined
  while (!header) {
    const result = await next()
    if (result.done) throw new LedgerReadError(file, EMPTY)
    if (result.value.some((f) => f.trim() !== '')) header = result.value
  }
  // Columns with an empty header cell are not part of the ledger; the first of a repeated
  // header wins (the importer sees the repeat in `headers` and can report it).
  const columns: [number, string][] = []
  header.forEach((raw, i) => {
    const name = raw.trim()
    if (name !== '' && !columns.some(([, n]) => n === name)) columns.push([i, name])
  })
  const headerRowNumber = recordNo
  const headers = header.map((h) => h.trim()).filter((h) => h !== '')

  async function* rows(): AsyncGenerator<LedgerRow> {
    for (;;) {
      const result = await next()
      if (result.done) return
      const cells = new Map<string, Cell>()
      let faults: Map<string, string> | undefined
      let blank = true
      for (const [i, header] of columns) {
        const field = result.value[i]
        if (field !== undefined && field.length > maxCellChars) {
          faults ??= new Map()
          faults.set(header, cellTooLong(maxCellChars))
          cells.set(header, null)
          continue
        }
        const cell = cellOf(field)
        if (cell !== null) blank = false
        cells.set(header, cell)
      }
      if (faults) yield { rowNumber: recordNo, cells, faults }
      else if (!blank) yield { rowNumber: recordNo, cells }
    }
  }

  const sheet: LedgerSheet = {
    name,
    source: file,
    headers,
    headerRowNumber,
    rows: rows(),
  }
  return {
    sheet,
    close: async () => {
      // Ends the parse (and closes the file) if the caller moved on before the last row.
      bytes.destroy()
      await records.return?.()
    },
  }
}
