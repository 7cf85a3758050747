// What a file may make the reader hold or do (issue 8 §2): each limit refused with a Japanese
// reason, the bombs built here, small on disk.
import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, type LedgerReadError } from './ledger.types.ts'
import { readLedger } from './read-ledger.ts'
import {
  cellTooLong,
  LOST_CHARACTER,
  NOT_A_SPREADSHEET,
  notUtf8,
  partTooLarge,
  textTooLong,
  tooManyRows,
  workbookTooLarge,
} from './reasons.ts'
import { readAll, refusal, tempFolder } from './testing.ts'
import { sheetRows } from './xlsx-sheet.ts'
import {
  bookParts,
  esc,
  repeatedPart,
  rowsBomb,
  sharedStringBomb,
  sharedStringsXml,
  sheetXml,
  type ZipPart,
  zip,
} from './xlsx-testing.ts'
import type { ZipParts } from './zip-parts.ts'

const dir = tempFolder()
const MiB = 1024 * 1024
const SHEET = 'xl/worksheets/sheet1.xml'

async function xlsx(name: string, parts: ZipPart[] | Buffer): Promise<string> {
  return dir.file(name, Buffer.isBuffer(parts) ? parts : zip(parts))
}

/** One sheet 台帳 with a header 氏名 and the given rows' XML. */
const oneSheet = (rows: string, strings?: string[]): ZipPart[] => [
  ...bookParts(['台帳'], { sharedStrings: strings !== undefined }),
  { name: SHEET, data: sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>氏名</t></is></c></row>${rows}`) },
  ...(strings ? [{ name: 'xl/sharedStrings.xml', data: sharedStringsXml(strings) }] : []),
]

describe('xlsx: characters per cell', () => {
  it('stops a 200 MiB shared string in a 205 KB workbook while parsing it', async () => {
    const bomb = await sharedStringBomb(200 * MiB)
    expect(bomb.length).toBeLessThan(300_000)
    const error = await refusal([await xlsx('string-bomb.xlsx', bomb)])
    expect(error.reason).toBe(textTooLong('共有文字列（xl/sharedStrings.xml）', 32_767))
    expect(error.reason).toBe(
      '共有文字列（xl/sharedStrings.xml）に上限（32,767文字）を超える長さの文字列があります',
    )
  })

  it('stops a 50 MiB inline cell, and a 50 MiB comment full of markup, while parsing', async () => {
    const head = `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`
    const cell = await repeatedPart(
      SHEET,
      head,
      '漢',
      (50 * MiB) / 3,
      '</t></is></c></row></sheetData></worksheet>',
    )
    const inline = await refusal([await xlsx('inline-bomb.xlsx', [...bookParts(['台帳']), cell])])
    expect(inline.reason).toBe(textTooLong('シート「台帳」', 32_767))
    // A comment (or CDATA) may hold "<" and ">": the bound counts characters, not markup.
    const comment = await repeatedPart(
      SHEET,
      `${head}x</t></is></c></row><!--`,
      '<a>',
      (50 * MiB) / 3,
      '--></sheetData></worksheet>',
    )
    const refused = await refusal([await xlsx('comment-bomb.xlsx', [...bookParts(['台帳']), comment])])
    expect(refused.reason).toBe(textTooLong('シート「台帳」', 32_767))
  })

  it('a cell over 32,767 characters is an error at its row and column, the rest is read', async () => {
    const long = 'あ'.repeat(32_768)
    const atLimit = `${'𠮷'.repeat(32_766 / 2)}ア`
    const runs = `<r><t>${'い'.repeat(20_000)}</t></r><r><rPr><b/></rPr><t>${'う'.repeat(12_768)}</t></r>`
    const path = await xlsx(
      'long-cells.xlsx',
      oneSheet(
        `<row r="2"><c r="A2" t="s"><v>0</v></c></row>` +
          `<row r="3"><c r="A3" t="inlineStr"><is><t>${long}</t></is></c></row>` +
          `<row r="4"><c r="A4" t="inlineStr"><is>${runs}</is></c></row>` +
          `<row r="5"><c r="A5" t="s"><v>1</v></c></row>` +
          `<row r="6"><c r="A6" t="str"><v>${esc(atLimit)}</v></c></row>`,
        [`<si><t>${long}</t></si>`, `<si><t>${atLimit}</t></si>`],
      ),
    )
    const [sheet] = await readAll([path])
    const fault = { 氏名: cellTooLong(32_767) }
    expect(cellTooLong(32_767)).toBe('セルの文字数が上限（32,767文字）を超えています')
    expect(sheet!.rows).toEqual([
      { rowNumber: 2, cells: { 氏名: null }, faults: fault },
      { rowNumber: 3, cells: { 氏名: null }, faults: fault },
      { rowNumber: 4, cells: { 氏名: null }, faults: fault },
      { rowNumber: 5, cells: { 氏名: atLimit } },
      { rowNumber: 6, cells: { 氏名: atLimit } },
    ])
  })
})

/** How many rows a refused workbook handed over before it was refused, and why. */
async function rowsBeforeRefusal(path: string, maxRows: number) {
  let handed = 0
  try {
    for await (const sheet of readLedger([path], { maxRows })) for await (const _ of sheet.rows) handed++
  } catch (error) {
    return { handed, reason: (error as LedgerReadError).reason }
  }
  throw new Error('expected a refusal')
}

describe('xlsx: rows per sheet', () => {
  it('refuses a sheet of more rows than the limit, counting the header', async () => {
    const fits = await xlsx('rows-1000.xlsx', await rowsBomb(999))
    expect((await readAll([fits], { maxRows: 1000 }))[0]!.rows).toHaveLength(999)
    const over = await xlsx('rows-1001.xlsx', await rowsBomb(1000))
    expect((await refusal([over], { maxRows: 1000 })).reason).toBe(
      'シート「相談ケース」の行数が上限（1,000行）を超えています。ファイルを分けて取り込んでください',
    )
  })

  it('refuses an oversized sheet before handing over any of its rows', async () => {
    const path = await xlsx('rows-early.xlsx', await rowsBomb(5_000))
    expect(await rowsBeforeRefusal(path, 4_000)).toEqual({
      handed: 0,
      reason: tooManyRows('相談ケース', 4_000),
    })
  })

  it('counts rows written with a namespace prefix (x:row, as the Open XML SDK writes them)', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) =>
          `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="inlineStr"><x:is><x:t>番号${i}</x:t></x:is></x:c></x:row>`,
      ).join('')
    const sheet = (n: number) => ({
      name: SHEET,
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><x:worksheet ${ns}><x:sheetData>${rows(n)}</x:sheetData></x:worksheet>`,
      ),
    })
    // 3,000 rows of ~90 bytes: many inflate chunks, so tags are cut at chunk edges too.
    const fits = await xlsx('prefixed.xlsx', [...bookParts(['台帳']), sheet(3_000)])
    const [read] = await readAll([fits], { maxRows: 3_000 })
    expect(read!.headers).toEqual(['番号0'])
    expect(read!.rows).toHaveLength(2_999)
    expect(read!.rows.at(-1)).toEqual({ rowNumber: 3_000, cells: { 番号0: '番号2999' } })
    const over = await xlsx('prefixed-over.xlsx', [...bookParts(['台帳']), sheet(3_001)])
    expect(await rowsBeforeRefusal(over, 3_000)).toEqual({ handed: 0, reason: tooManyRows('台帳', 3_000) })
  })

  it('has 2,000,000 rows by default', () => {
    expect(DEFAULT_LIMITS.maxRows).toBe(2_000_000)
    expect(tooManyRows('cases', DEFAULT_LIMITS.maxRows)).toContain('2,000,000行')
  })
})

describe('xlsx: inflated size per part (zip bombs)', () => {
  it('refuses a part that declares more than the limit without inflating it', async () => {
    // The data is not even deflate: inflating it would fail differently.
    const part = {
      name: SHEET,
      data: Buffer.alloc(0),
      deflated: { bytes: Buffer.alloc(64, 1), size: 600 * MiB, crc: 0 },
    }
    const error = await refusal([await xlsx('declared.xlsx', [...bookParts(['台帳']), part])])
    expect(error.reason).toBe(partTooLarge(SHEET, DEFAULT_LIMITS.maxPartBytes))
    expect(error.reason).toBe('ブック内の「xl/worksheets/sheet1.xml」は展開すると上限（512MB）を超えます')
  })

  it('stops a part that inflates past the size it declares, while inflating', async () => {
    const part = await repeatedPart(
      SHEET,
      '<worksheet><sheetData>',
      '<row/>',
      (64 * MiB) / 6,
      '</sheetData></worksheet>',
    )
    const lying = await xlsx('lying.xlsx', [...bookParts(['台帳']), { ...part, claimedSize: 1000 }])
    expect((await refusal([lying])).reason).toBe(NOT_A_SPREADSHEET)
  })

  it('stops a workbook whose parts together inflate past twice the limit', async () => {
    const sheet = (i: number) =>
      repeatedPart(
        `xl/worksheets/sheet${i}.xml`,
        '<worksheet><sheetData>',
        '<row/>',
        Math.floor((0.9 * MiB) / 6),
        '</sheetData></worksheet>',
      )
    const parts = [...bookParts(['a', 'b', 'c']), await sheet(1), await sheet(2), await sheet(3)]
    const error = await refusal([await xlsx('overlap.xlsx', parts)], { maxPartBytes: MiB })
    expect(error.reason).toBe(workbookTooLarge(2 * MiB))
    const one = await refusal([await xlsx('one-big.xlsx', parts)], { maxPartBytes: 0.5 * MiB })
    expect(one.reason).toBe(partTooLarge(SHEET, 0.5 * MiB))
  })
})

describe('xlsx: characters lost in reading', () => {
  it('refuses a part whose bytes are not UTF-8 instead of reading U+FFFD', async () => {
    const rows = Buffer.concat([
      Buffer.from('<row r="2"><c r="A2" t="inlineStr"><is><t>家族関'),
      Buffer.from([0xe4, 0xbf]), // 係 (E4 BF 82) cut short
      Buffer.from('</t></is></c></row>'),
    ])
    const parts = oneSheet('')
    const sheet = parts.find((p) => p.name === SHEET)!
    sheet.data = Buffer.concat([
      sheet.data.subarray(0, sheet.data.indexOf('</sheetData>')),
      rows,
      Buffer.from('</sheetData></worksheet>'),
    ])
    expect((await refusal([await xlsx('not-utf8.xlsx', parts)])).reason).toBe(notUtf8(SHEET))
  })

  it('a U+FFFD that the part does not hold is an error at its cell (defence in depth)', async () => {
    // A reader whose decoding went wrong: its text has U+FFFD, the file's bytes do not.
    const broken = {
      source: 'book.xlsx',
      text: () => ({
        chunks: (async function* () {
          yield '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>内容</t></is></c></row>'
          yield '<row r="2"><c r="A2" t="inlineStr"><is><t>家族関\ufffd\ufffd</t></is></c><c r="B2"><v>1</v></c></row></sheetData></worksheet>'
        })(),
        holdsReplacement: () => false,
      }),
    } as unknown as ZipParts
    const ctx = {
      zip: broken,
      name: '台帳',
      part: SHEET,
      shared: { strings: [], holdsReplacement: false },
      dateStyles: new Set<number>(),
      date1904: false,
      ...DEFAULT_LIMITS,
    }
    const rows = []
    for await (const row of sheetRows(ctx, () => true)) rows.push(row)
    expect(rows[1]!.faults.get(1)).toBe(LOST_CHARACTER)
    expect(rows[1]!.cells.get(1)).toBeNull()
    expect(rows[1]!.cells.get(2)).toBe(1)
  })
})

describe('csv: rows per sheet and characters per cell', () => {
  it('refuses a CSV of more records than the limit, blank ones and the header counted', async () => {
    const fits = await dir.file('fits.csv', 'case_id\r\nA1\r\n\r\nA3\r\n')
    expect((await readAll([fits], { maxRows: 4 }))[0]!.rows).toHaveLength(2)
    const over = await dir.file('over.csv', 'case_id\r\nA1\r\n\r\nA3\r\nA4\r\n')
    expect((await refusal([over], { maxRows: 4 })).reason).toBe(tooManyRows('over', 4))
  })

  it('a field over the limit is an error at its row and column, the rest is read', async () => {
    const path = await dir.file(
      'long.csv',
      `case_id,name\r\nA1,${'𠮷'.repeat(16_384)}\r\nA2,${'あ'.repeat(32_767)}\r\n`,
    )
    const [sheet] = await readAll([path])
    expect(sheet!.rows).toEqual([
      { rowNumber: 2, cells: { case_id: 'A1', name: null }, faults: { name: cellTooLong(32_767) } },
      { rowNumber: 3, cells: { case_id: 'A2', name: 'あ'.repeat(32_767) } },
    ])
  })
})
