// Japanese text must come out of a workbook exactly as it went in, however the workbook holds
// it: exceljs's streaming reader decoded each ~16 KB inflate chunk on its own and turned every
// character cut at a chunk's edge into U+FFFD (issue 8 §1). Workbooks of 1, 5 and 20 MB, every
// cell random Japanese text, written part by part in the forms Excel and LibreOffice use.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAll, tempFolder } from './testing.ts'
import {
  bookParts,
  columnName,
  esc,
  japaneseText,
  random,
  sharedStringsXml,
  sheetXml,
  type ZipPart,
  zip,
} from './xlsx-testing.ts'

const dir = tempFolder()
const COLUMNS = ['氏名', 'ふりがな', '内容', '備考', '担当者']
const MB = 1024 * 1024

type Form = 'inline' | 'shared' | 'rich'

/** A cell's text as rich-text runs in mixed fonts, with a furigana run that is not text. */
function runs(text: string, next: () => number): string {
  const chars = [...text]
  const cut = 1 + Math.floor(next() * (chars.length - 1))
  const fonts = [
    '<rPr><sz val="11"/><rFont val="ＭＳ Ｐゴシック"/><family val="3"/><charset val="128"/></rPr>',
    '<rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="游ゴシック"/><family val="2"/></rPr>',
  ]
  const first = esc(chars.slice(0, cut).join(''))
  const rest = esc(chars.slice(cut).join(''))
  return (
    `<r>${fonts[0]}<t xml:space="preserve">${first}</t></r>` +
    (rest ? `<r>${fonts[1]}<t xml:space="preserve">${rest}</t></r>` : '') +
    '<rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1" type="noConversion"/>'
  )
}

/** A workbook of about `size` bytes in one form; returns its path and the texts written. */
async function workbook(name: string, form: Form, size: number, seed: number) {
  const next = random(seed)
  const strings: string[] = []
  const rows: string[] = []
  const expected: Record<string, string>[] = []
  const cell = (ref: string, text: string) => {
    if (form === 'inline') {
      // Half the inline cells as runs too, as LibreOffice writes rich inline text.
      const body = next() < 0.5 ? `<t xml:space="preserve">${esc(text)}</t>` : runs(text, next)
      return `<c r="${ref}" t="inlineStr"><is>${body}</is></c>`
    }
    strings.push(
      form === 'rich' ? `<si>${runs(text, next)}</si>` : `<si><t xml:space="preserve">${esc(text)}</t></si>`,
    )
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`
  }
  rows.push(`<row r="1">${COLUMNS.map((h, i) => cell(`${columnName(i + 1)}1`, h)).join('')}</row>`)
  // Random CJK text hardly compresses: its UTF-8 is about the workbook's size.
  let bytes = 0
  for (let r = 2; bytes < size * 1.4; r++) {
    const values: Record<string, string> = {}
    const cells = COLUMNS.map((h, i) => {
      const text = japaneseText(next, 1 + Math.floor(next() * 120))
      values[h] = text
      bytes += Buffer.byteLength(text)
      return cell(`${columnName(i + 1)}${r}`, text)
    })
    rows.push(`<row r="${r}">${cells.join('')}</row>`)
    expected.push(values)
  }
  const parts: ZipPart[] = [
    ...bookParts(['台帳'], { sharedStrings: form !== 'inline' }),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(rows.join('')) },
  ]
  if (form !== 'inline') parts.push({ name: 'xl/sharedStrings.xml', data: sharedStringsXml(strings) })
  const file = zip(parts)
  const path = join(dir.path, name)
  await writeFile(path, file)
  return { path, expected, fileBytes: file.length }
}

/** Equal character for character; on a difference, says where and shows the code points. */
function expectSameText(actual: Record<string, unknown>[], expected: Record<string, string>[]) {
  expect(actual.length).toBe(expected.length)
  for (let r = 0; r < expected.length; r++) {
    for (const column of COLUMNS) {
      const want = expected[r]![column]!
      const got = actual[r]![column]
      if (got === want) continue
      const [a, b] = [[...String(got)], [...want]]
      let at = 0
      while (at < b.length && a[at] === b[at]) at++
      const hex = (cs: string[]) =>
        cs.slice(Math.max(0, at - 2), at + 3).map((c) => c.codePointAt(0)!.toString(16))
      expect.fail(`row ${r + 2} ${column}: differs at ${at}: ${hex(a)} instead of ${hex(b)}`)
    }
  }
}

async function roundTrip(form: Form, size: number, seed: number) {
  const { path, expected, fileBytes } = await workbook(`${form}-${size}.xlsx`, form, size, seed)
  expect(fileBytes).toBeGreaterThan(size * 0.9)
  const [sheet] = await readAll([path])
  expect(sheet!.name).toBe('台帳')
  expect(sheet!.headers).toEqual(COLUMNS)
  expect(sheet!.rows.every((row, i) => row.rowNumber === i + 2)).toBe(true)
  expectSameText(
    sheet!.rows.map((r) => r.cells),
    expected,
  )
}

describe('readLedger: Japanese text in xlsx, character for character', () => {
  for (const form of ['inline', 'shared', 'rich'] as const) {
    it(`a 1 MB workbook of ${form} strings`, () => roundTrip(form, 1 * MB, 1))
    it(`a 5 MB workbook of ${form} strings`, () => roundTrip(form, 5 * MB, 5))
  }
  it('a 20 MB workbook of rich-text shared strings', () => roundTrip('rich', 20 * MB, 20), 120_000)

  it('keeps a U+FFFD the file really holds, as a character or as a reference', async () => {
    const parts = [
      ...bookParts(['台帳']),
      {
        name: 'xl/worksheets/sheet1.xml',
        data: sheetXml(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>内容</t></is></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><t>文字化け\ufffdの例</t></is></c></row>' +
            '<row r="3"><c r="A3" t="inlineStr"><is><t>参照&#xFFFD;の例</t></is></c></row>',
        ),
      },
    ]
    const path = join(dir.path, 'replacement.xlsx')
    await writeFile(path, zip(parts))
    const [sheet] = await readAll([path])
    expect(sheet!.rows.map((r) => r.cells.内容)).toEqual(['文字化け\ufffdの例', '参照\ufffdの例'])
  })
})
