// One worksheet part as rows of cell values, streamed: <row>s and their <c>s as they inflate,
// each cell turned into what the importer wants (text trimmed, blank → null, numbers in a
// date style → Date, formulas by their cached result).
import { type Cell, LedgerReadError } from './ledger.types.ts'
import { cellTooLong, LOST_CHARACTER, rowTooLong, tooManyRows } from './reasons.ts'
import { type SharedStrings, TOO_LONG } from './xlsx-book.ts'
import { xmlEvents } from './xml-events.ts'
import type { ZipParts } from './zip-parts.ts'

const DAY_MS = 86_400_000
/** Serial of 1970-01-01 in Excel's 1900 date system; the 1904 system is 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569
/** A row may hold as many characters as this many cells full to the limit. */
const MAX_ROW_CELLS = 64

export interface XlsxRow {
  rowNumber: number
  /** Column number (A = 1) → value; only the wanted columns. */
  cells: Map<number, Cell>
  /** Column number → why the cell could not be read. */
  faults: Map<number, string>
}

export interface SheetContext {
  zip: ZipParts
  name: string
  part: string
  shared: SharedStrings
  dateStyles: Set<number>
  date1904: boolean
  maxRows: number
  maxCellChars: number
}

/** "BC12" → 55; 0 when the reference has no column letters. */
export function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64)
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96)
    else break
  }
  return col
}

const textCell = (text: string): Cell => {
  const trimmed = text.trim()
  return trimmed === '' ? null : trimmed
}

/**
 * The rows of a worksheet. `wanted(col)` says which columns to keep (all of them until the
 * header is known); it is asked again for every cell, so the caller may narrow it on the way.
 */
export async function* sheetRows(
  ctx: SheetContext,
  wanted: (col: number) => boolean,
): AsyncGenerator<XlsxRow> {
  const { shared, dateStyles, maxCellChars } = ctx
  const content = ctx.zip.text(ctx.part)
  const done: XlsxRow[] = []
  let row: XlsxRow | undefined
  let rows = 0
  let rowChars = 0
  let lastRow = 0
  let col = 0
  // The cell being read.
  let type = 'n'
  let style = 0
  let text = ''
  let tooLong = false
  let hasValue = false
  let inValue = false
  let inInline = false
  let inPhonetic = false

  const value = (): Cell | { fault: string } => {
    if (tooLong) return { fault: cellTooLong(maxCellChars) }
    let result: Cell
    let fromShared = false
    switch (type) {
      case 's': {
        const string = shared.strings[Number(text)]
        if (string === TOO_LONG) return { fault: cellTooLong(maxCellChars) }
        fromShared = true
        result = string === undefined ? null : textCell(string)
        break
      }
      case 'inlineStr':
      case 'str':
        result = textCell(text)
        break
      case 'b':
        result = text.trim() === '' ? null : text.trim() === '1' || text.trim() === 'true'
        break
      case 'e':
        result = textCell(text)
        break
      case 'd': {
        // ISO 8601 date cells (Strict OOXML); without a zone they are UTC, as serials are.
        const iso = text.trim()
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`)
        result = iso === '' ? null : Number.isNaN(date.getTime()) ? iso : date
        break
      }
      default: {
        const trimmed = text.trim()
        if (trimmed === '') return null
        const n = Number(trimmed)
        if (Number.isNaN(n)) return trimmed
        if (!dateStyles.has(style)) return n
        const serial = n - UNIX_EPOCH_SERIAL + (ctx.date1904 ? 1462 : 0)
        return new Date(Math.round(serial * DAY_MS))
      }
    }
    // Decoding is fatal, so a U+FFFD can only be one the file holds; should that ever change,
    // a lost character is an error here instead of being stored.
    if (typeof result === 'string' && result.includes('\ufffd')) {
      const holds = fromShared ? shared.holdsReplacement : content.holdsReplacement()
      if (!holds) return { fault: LOST_CHARACTER }
    }
    return result
  }

  const handlers = {
    open(name: string, a: Record<string, string>) {
      if (name === 'row') {
        if (++rows > ctx.maxRows)
          throw new LedgerReadError(ctx.zip.source, tooManyRows(ctx.name, ctx.maxRows))
        lastRow = a.r ? Number(a.r) : lastRow + 1
        row = { rowNumber: lastRow, cells: new Map(), faults: new Map() }
        rowChars = 0
        col = 0
      } else if (name === 'c' && row) {
        col = a.r ? columnOf(a.r) || col + 1 : col + 1
        type = a.t ?? 'n'
        style = a.s ? Number(a.s) : 0
        text = ''
        tooLong = false
        hasValue = false
      } else if (name === 'v' || (name === 't' && inInline && !inPhonetic)) {
        inValue = true
        hasValue = true
      } else if (name === 'is') inInline = true
      else if (name === 'rPh') inPhonetic = true
    },
    close(name: string) {
      if (name === 'v' || name === 't') inValue = false
      else if (name === 'is') inInline = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'c' && row) {
        if (!hasValue || !wanted(col)) return
        const read = value()
        if (read !== null && typeof read === 'object' && 'fault' in read) {
          row.faults.set(col, read.fault)
          row.cells.set(col, null)
        } else row.cells.set(col, read)
        // A ledger row has a few dozen columns: a row of thousands of full cells is not one.
        if (typeof read === 'string') rowChars += read.length
        if (rowChars > MAX_ROW_CELLS * maxCellChars)
          throw new LedgerReadError(ctx.zip.source, rowTooLong(ctx.name, row.rowNumber))
      } else if (name === 'row' && row) {
        done.push(row)
        row = undefined
      }
    },
    text(piece: string) {
      if (!inValue || tooLong) return
      if (text.length + piece.length > maxCellChars) {
        tooLong = true
        text = ''
      } else text += piece
    },
  }

  const bound = { source: ctx.zip.source, where: `シート「${ctx.name}」`, maxCellChars }
  for await (const _ of xmlEvents(content.chunks, handlers, bound)) {
    for (const r of done) yield r
    done.length = 0
  }
}
