// Test support: workbooks written part by part, so a test controls the form of every cell
// (inline strings, shared strings, rich-text runs with furigana) and the zip itself (sizes
// that lie, parts that overlap), and random Japanese text to fill them.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'

export interface ZipPart {
  name: string
  data: Buffer
  /** Already deflated data and its real inflated size (for bombs built without inflating). */
  deflated?: { bytes: Buffer; size: number; crc: number }
  /** A size the directory claims instead of the real one. */
  claimedSize?: number
}

/** A zip archive of deflated parts (local headers, central directory, end record). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8')
    const body = part.deflated?.bytes ?? deflateRawSync(part.data)
    const crc = part.deflated?.crc ?? crc32(part.data)
    const size = part.claimedSize ?? part.deflated?.size ?? part.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const entry = Buffer.alloc(46)
    entry.writeUInt32LE(0x02014b50, 0)
    entry.writeUInt16LE(20, 4)
    entry.writeUInt16LE(20, 6)
    entry.writeUInt16LE(0x0800, 8)
    entry.writeUInt16LE(8, 10)
    entry.writeUInt32LE(crc, 16)
    entry.writeUInt32LE(body.length, 20)
    entry.writeUInt32LE(size, 24)
    entry.writeUInt16LE(name.length, 28)
    entry.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    central.push(entry, name)
    offset += local.length + name.length + body.length
  }
  const dir = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, dir, end])
}

/** XML text escaped for element content and attribute values. */
export const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** "A" for 1, "AA" for 27. */
export function columnName(col: number): string {
  let name = ''
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** The parts every workbook has, for the given sheet names (sheet i at xl/worksheets/sheet{i+1}.xml). */
export function bookParts(sheetNames: string[], options: { sharedStrings?: boolean } = {}): ZipPart[] {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
  const xml = (text: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`)
  const sheets = sheetNames.map(
    (name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rIdS${i + 1}"/>`,
  )
  const rels = sheetNames.map((_, i) => rel(`rIdS${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`))
  rels.push(rel('rIdStyles', 'styles', 'styles.xml'))
  if (options.sharedStrings) rels.push(rel('rIdStrings', 'sharedStrings', 'sharedStrings.xml'))
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  return [
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
      ),
    },
    { name: 'xl/workbook.xml', data: xml(`<workbook ${ns}><sheets>${sheets.join('')}</sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      data: xml(
        `<styleSheet ${ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      ),
    },
  ]
}

export const sheetXml = (rows: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
  )

export const sharedStringsXml = (items: string[]) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`,
  )

/** mulberry32: seedable, so a failing case can be run again. */
export function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** Code point ranges of the text a Japanese ledger holds, and what breaks readers. */
const RANGES: [number, number][] = [
  [0x4e00, 0x9fff], // kanji
  [0x4e00, 0x9fff],
  [0x3041, 0x3096], // hiragana
  [0x30a1, 0x30fa], // katakana
  [0xff66, 0xff9d], // half-width katakana
  [0xff01, 0xff5e], // full-width ASCII
  [0x3001, 0x303f], // CJK symbols and punctuation (the ideographic space is U+3000: not at an edge)
  [0x2460, 0x24ff], // ①…
  [0x1f300, 0x1f64f], // emoji (outside the BMP)
  [0x20000, 0x2a6df], // CJK extension B (outside the BMP: 𠮷…)
  [0x0021, 0x007e], // ASCII, with & < > " ' among it
]
const EXTRA = [
  '\u200b',
  '\u3000',
  '\n',
  'ー',
  '々',
  '〆',
  '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}',
  '\u{20BB7}',
  '\ufe0f',
]

/** A random Japanese text of about `length` code points; no blank at either end (cells are trimmed). */
export function japaneseText(next: () => number, length: number): string {
  const out: string[] = []
  for (let i = 0; i < length; i++) {
    if (next() < 0.05) {
      out.push(EXTRA[Math.floor(next() * EXTRA.length)]!)
      continue
    }
    const [lo, hi] = RANGES[Math.floor(next() * RANGES.length)]!
    out.push(String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1))))
  }
  return `漢${out.join('')}字`
}

/** A part deflated as a stream from its pieces, never held whole (a zip bomb's part). */
export async function streamedPart(name: string, pieces: Iterable<Buffer>): Promise<ZipPart> {
  let crc = 0
  let size = 0
  const out: Buffer[] = []
  const deflate = createDeflateRaw()
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve)
    deflate.on('error', reject)
  })
  for (const piece of pieces) {
    crc = crc32(piece, crc)
    size += piece.length
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await done
  return { name, data: Buffer.alloc(0), deflated: { bytes: Buffer.concat(out), size, crc } }
}

/** A part of `repeat` copies of `unit` between `head` and `tail`. */
export function repeatedPart(name: string, head: string, unit: string, repeat: number, tail: string) {
  const one = Buffer.from(unit)
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / one.length))
  // The same block again and again: 200 MiB of copies cost 1 MiB here.
  const block = Buffer.concat(Array.from({ length: perBlock }, () => one))
  function* pieces() {
    yield Buffer.from(head)
    for (let left = Math.floor(repeat); left > 0; left -= perBlock)
      yield left >= perBlock ? block : block.subarray(0, left * one.length)
    yield Buffer.from(tail)
  }
  return streamedPart(name, pieces())
}

/** A workbook whose one cell is a shared string of `bytes` bytes of あ (issue 8: 200 MiB in 205 KB). */
export async function sharedStringBomb(bytes: number): Promise<Buffer> {
  const strings = await repeatedPart(
    'xl/sharedStrings.xml',
    '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
    'あ',
    Math.floor(bytes / 3),
    '</t></si></sst>',
  )
  return zip([
    ...bookParts(['相談ケース'], { sharedStrings: true }),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ケース番号</t></is></c><c r="B1" t="inlineStr"><is><t>氏名</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>2021-00001</t></is></c><c r="B2" t="s"><v>0</v></c></row>',
      ),
    },
    strings,
  ])
}

/**
 * A workbook of one sheet: a ケース番号 header and `rows` one-cell rows, each with its own
 * number (issue 8: 5,000,000 rows in 24 MB).
 */
export async function rowsBomb(rows: number): Promise<Buffer> {
  function* pieces() {
    yield Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>ケース番号</t></is></c></row>',
    )
    for (let from = 2; from <= rows + 1; from += 10_000) {
      let text = ''
      for (let r = from; r < Math.min(from + 10_000, rows + 2); r++)
        text += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`
      yield Buffer.from(text)
    }
    yield Buffer.from('</sheetData></worksheet>')
  }
  return zip([...bookParts(['相談ケース']), await streamedPart('xl/worksheets/sheet1.xml', pieces())])
}
