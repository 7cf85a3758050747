// What a workbook says about itself before its sheets are read: the sheets (names and parts,
// in the workbook's order), the date system, which cell styles show dates, and the shared
// strings. Parts are found through the package's relationships, as Office does.
import { posix } from 'node:path'
import { LedgerReadError } from './ledger.types.ts'
import { NOT_A_SPREADSHEET, tooManyStrings } from './reasons.ts'
import { type XmlHandlers, xmlEvents } from './xml-events.ts'
import type { ZipParts } from './zip-parts.ts'

export interface BookSheet {
  name: string
  part: string
}

export interface Book {
  sheets: BookSheet[]
  /** Serials count from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904: boolean
  sharedStrings?: string
  styles?: string
}

/** Reads a small part to its end with the given handlers. */
async function parsePart(zip: ZipParts, part: string, handlers: XmlHandlers, maxCellChars: number) {
  const bound = { source: zip.source, where: `ブック内の「${part}」`, maxCellChars }
  for await (const _ of xmlEvents(zip.text(part).chunks, handlers, bound)) {
    // The handlers gather everything.
  }
}

/** A relationship's target as a part name: relative to the part that holds it, or absolute. */
function resolveTarget(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target)
  return posix.normalize(path)
}

/** Relationships of a part (or of the package, for ''): id → { type's last word, part }. */
async function relationships(zip: ZipParts, of: string, maxCellChars: number) {
  const relsPart = posix.join(posix.dirname(of), '_rels', `${posix.basename(of)}.rels`)
  const rels = new Map<string, { type: string; part: string }>()
  if (!zip.has(relsPart)) return rels
  await parsePart(
    zip,
    relsPart,
    {
      open(name, a) {
        if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return
        const type = a.Type?.slice(a.Type.lastIndexOf('/') + 1) ?? ''
        rels.set(a.Id, { type, part: resolveTarget(of, a.Target) })
      },
      close() {},
      text() {},
    },
    maxCellChars,
  )
  return rels
}

export async function readBook(zip: ZipParts, maxCellChars: number): Promise<Book> {
  const root = await relationships(zip, '', maxCellChars)
  const workbook = [...root.values()].find((r) => r.type === 'officeDocument')?.part ?? 'xl/workbook.xml'
  if (!zip.has(workbook)) throw new LedgerReadError(zip.source, NOT_A_SPREADSHEET)
  const rels = await relationships(zip, workbook, maxCellChars)
  const book: Book = { sheets: [], date1904: false }
  for (const rel of rels.values()) {
    if (rel.type === 'sharedStrings') book.sharedStrings = rel.part
    if (rel.type === 'styles') book.styles = rel.part
  }
  await parsePart(
    zip,
    workbook,
    {
      open(name, a) {
        if (name === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true'
        if (name !== 'sheet') return
        // The relationship id is r:id (any prefix bound to the relationships namespace).
        const id = Object.entries(a).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1]
        const rel = id ? rels.get(id) : undefined
        // Chart sheets and dialog sheets hold no rows.
        if (rel?.type === 'worksheet' && zip.has(rel.part))
          book.sheets.push({ name: a.name ?? '', part: rel.part })
      },
      close() {},
      text() {},
    },
    maxCellChars,
  )
  return book
}

/** Built-in number formats that show a date or time (Japanese Excel's 27–36 and 50–58 included). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36])
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILT_IN_DATES.add(id)

/** True for a number format that shows a date or time (y, m, d, h, s outside quotes/[...]). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\.|[_*]./g, '')
  return /[ymdhs]/i.test(bare)
}

/** The cell style indexes (a cell's `s`) whose number format shows a date or time. */
export async function readDateStyles(
  zip: ZipParts,
  part: string,
  maxCellChars: number,
): Promise<Set<number>> {
  const formats = new Map<number, string>()
  const xfFormats: number[] = []
  let inCellXfs = false
  await parsePart(
    zip,
    part,
    {
      open(name, a) {
        if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '')
        else if (name === 'cellXfs') inCellXfs = true
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0))
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false
      },
      text() {},
    },
    maxCellChars,
  )
  const dates = new Set<number>()
  xfFormats.forEach((id, index) => {
    const custom = formats.get(id)
    if (custom === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(custom)) dates.add(index)
  })
  return dates
}

/** A shared string longer than a cell may be: kept as this mark, reported where a cell uses it. */
export const TOO_LONG = Symbol('too long')

export interface SharedStrings {
  strings: (string | typeof TOO_LONG)[]
  /** Whether the part really holds U+FFFD (see ZipParts.text). */
  holdsReplacement: boolean
}

/**
 * The shared strings: each <si>'s text, from its <t> or its rich-text runs' <t>s. Phonetic
 * guides (<rPh>, the furigana Japanese Excel stores with a name) are not part of the text.
 */
export async function readSharedStrings(
  zip: ZipParts,
  part: string,
  limits: { maxCellChars: number; maxStrings: number },
): Promise<SharedStrings> {
  const { maxCellChars } = limits
  const strings: SharedStrings['strings'] = []
  let text = ''
  let tooLong = false
  let inT = false
  let inPhonetic = false
  const content = zip.text(part)
  const handlers: XmlHandlers = {
    open(name) {
      if (name === 'si') {
        text = ''
        tooLong = false
      } else if (name === 't') inT = !inPhonetic
      else if (name === 'rPh') inPhonetic = true
    },
    close(name) {
      if (name === 't') inT = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'si') {
        // Each string costs a slot even when empty: bounded, or a file of <si/> fills memory.
        if (strings.length >= limits.maxStrings)
          throw new LedgerReadError(zip.source, tooManyStrings(limits.maxStrings))
        strings.push(tooLong ? TOO_LONG : text)
        text = ''
      }
    },
    text(piece) {
      if (!inT || tooLong) return
      if (text.length + piece.length > maxCellChars) {
        tooLong = true
        text = ''
      } else text += piece
    },
  }
  const bound = { source: zip.source, where: '共有文字列（xl/sharedStrings.xml）', maxCellChars }
  for await (const _ of xmlEvents(content.chunks, handlers, bound)) {
    // Gathered by the handlers.
  }
  return { strings, holdsReplacement: content.holdsReplacement() }
}
