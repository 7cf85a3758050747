// Issue 8 through the real importer: Japanese text survives import and export character for
// character whatever form the workbook holds it in (§1), and the reader's limits end an import
// with a located Japanese error and nothing written (§2).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '#server/test/harness.ts'
import { exportLedger } from './export-ledger.ts'
import { importLedger } from './import-ledger.ts'
import { cellTooLong, textTooLong, tooManyRows } from './read/reasons.ts'
import { readAll } from './read/testing.ts'
import {
  bookParts,
  columnName,
  esc,
  japaneseText,
  random,
  sharedStringBomb,
  sharedStringsXml,
  sheetXml,
  zip,
} from './read/xlsx-testing.ts'
import { NOW, storedCounts, tempDir, writeCsv } from './test-ledger.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const CASE_HEAD = ['case_id', 'opened_on', 'intake_unit', 'first_consulter', 'name', 'kana']
const CONTACT_HEAD = ['case_id', 'contacted_on', 'method', 'counterpart', 'staff', 'summary']

/**
 * A ledger workbook: cases as inline strings, contacts as shared strings in rich-text runs of
 * two fonts with furigana (as Japanese Excel saves them). Names, staff and summaries are random
 * Japanese text; the rest is what the sheets require.
 */
function ledgerWorkbook(path: string, cases: number, contactsPerCase: number, seed: number) {
  const next = random(seed)
  const strings: string[] = []
  const inline = (ref: string, text: string) =>
    `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`
  const shared = (ref: string, text: string) => {
    const chars = [...text]
    const cut = Math.max(1, Math.floor(chars.length / 2))
    strings.push(
      `<si><r><rPr><rFont val="ＭＳ Ｐゴシック"/><charset val="128"/></rPr><t xml:space="preserve">${esc(chars.slice(0, cut).join(''))}</t></r>` +
        `<r><rPr><b/><rFont val="Yu Gothic"/></rPr><t xml:space="preserve">${esc(chars.slice(cut).join(''))}</t></r>` +
        `<rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1"/></si>`,
    )
    return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`
  }
  const row = (r: number, values: string[], cell: (ref: string, text: string) => string) =>
    `<row r="${r}">${values.map((v, i) => cell(`${columnName(i + 1)}${r}`, v)).join('')}</row>`

  const caseRows = [row(1, CASE_HEAD, inline)]
  const contactRows = [row(1, CONTACT_HEAD, shared)]
  const expected = { cases: [] as string[], contacts: [] as string[] }
  for (let c = 1; c <= cases; c++) {
    const id = `K-${String(c).padStart(5, '0')}`
    const name = japaneseText(next, 2 + Math.floor(next() * 8))
    const kana = japaneseText(next, 4 + Math.floor(next() * 8))
    caseRows.push(row(c + 1, [id, '2021-04-05', 'window', 'self', name, kana], inline))
    expected.cases.push([id, name, kana].join('\u0001'))
    for (let k = 0; k < contactsPerCase; k++) {
      const staff = japaneseText(next, 3)
      const summary = japaneseText(next, 20 + Math.floor(next() * 200))
      contactRows.push(
        row(contactRows.length + 1, [id, '2021-05-10', 'phone', 'self', staff, summary], shared),
      )
      expected.contacts.push([id, staff, summary].join('\u0001'))
    }
  }
  const file = zip([
    ...bookParts(['相談ケース', '対応記録'], { sharedStrings: true }),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(caseRows.join('')) },
    { name: 'xl/worksheets/sheet2.xml', data: sheetXml(contactRows.join('')) },
    { name: 'xl/sharedStrings.xml', data: sharedStringsXml(strings) },
  ])
  writeFileSync(path, file)
  return { expected, bytes: file.length }
}

const keyed = (rows: { cells: Record<string, unknown> }[], columns: string[]) =>
  rows.map((r) => columns.map((c) => r.cells[c]).join('\u0001')).sort()

const NOTHING = { cases: 0, contacts: 0 }
const nothingStored = async (tenantId: string) =>
  expect(await storedCounts(ctx.db, tenantId)).toMatchObject(NOTHING)

describe('importing Japanese text from xlsx (issue 8 §1)', () => {
  it('imports and exports a 1 MB workbook of random Japanese text character for character', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    const path = join(dir, 'ledger.xlsx')
    const { expected, bytes } = ledgerWorkbook(path, 1_200, 3, 8)
    expect(bytes).toBeGreaterThan(1024 * 1024)
    const result = await importLedger(ctx.db, city.tenantId, [path], { dryRun: false, actor: null, now: NOW })
    expect(result.errors).toEqual([])
    expect(result.counts).toMatchObject({ cases: { added: 1_200 }, contacts: { added: 3_600 } })

    const out = join(dir, 'export.xlsx')
    await exportLedger(ctx.db, city.tenantId, { out, personal: true, actor: null, now: NOW })
    const sheets = await readAll([out])
    const cases = sheets.find((s) => s.name === '相談ケース')!
    const contacts = sheets.find((s) => s.name === '対応記録')!
    expect(keyed(cases.rows, ['ケース番号', '氏名', 'ふりがな'])).toEqual([...expected.cases].sort())
    expect(keyed(contacts.rows, ['ケース番号', '担当者', '内容'])).toEqual([...expected.contacts].sort())
  })
})

describe('import limits (issue 8 §2)', () => {
  it('a name over 32,767 characters is an error at its sheet, row and column; nothing is written', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    const path = join(dir, 'long.xlsx')
    const cells = (r: number, values: string[]) =>
      `<row r="${r}">${values.map((v, i) => `<c r="${columnName(i + 1)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`
    writeFileSync(
      path,
      zip([
        ...bookParts(['相談ケース']),
        {
          name: 'xl/worksheets/sheet1.xml',
          data: sheetXml(
            cells(1, CASE_HEAD) +
              cells(2, ['K-1', '2021-04-05', 'window', 'self', '名'.repeat(32_768), 'な']) +
              cells(3, ['K-2', '2021-04-05', 'window', 'self', '名'.repeat(32_767), 'な']),
          ),
        },
      ]),
    )
    const result = await importLedger(ctx.db, city.tenantId, [path], { dryRun: false, actor: null, now: NOW })
    expect(result.errors).toEqual([{ sheet: 'cases', row: 2, column: 'name', reason: cellTooLong(32_767) }])
    await nothingStored(city.tenantId)
  })

  it('a 205 KB workbook holding one 200 MiB shared string is refused; nothing is written', async () => {
    const city = await ctx.newCity()
    const path = join(tempDir(), 'bomb.xlsx')
    writeFileSync(path, await sharedStringBomb(200 * 1024 * 1024))
    const result = await importLedger(ctx.db, city.tenantId, [path], { dryRun: false, actor: null, now: NOW })
    expect(result.errors).toEqual([
      {
        sheet: 'bomb.xlsx',
        row: 0,
        column: '',
        reason: textTooLong('共有文字列（xl/sharedStrings.xml）', 32_767),
      },
    ])
    await nothingStored(city.tenantId)
  })

  it('a sheet over the row limit (the YORISOI_IMPORT_MAX_ROWS setting) is refused; nothing is written', async () => {
    const city = await ctx.newCity()
    const dir = tempDir()
    const rows = Array.from({ length: 10 }, (_, i) => [`K-${i}`, '2021-04-05', 'window', 'self', '', ''])
    const path = writeCsv(dir, 'cases', [CASE_HEAD, ...rows])
    const options = { dryRun: false, actor: null, now: NOW }
    expect((await importLedger(ctx.db, city.tenantId, [path], { ...options, maxRows: 11 })).errors).toEqual(
      [],
    )
    const other = await ctx.newCity()
    const refused = await importLedger(ctx.db, other.tenantId, [path], { ...options, maxRows: 10 })
    expect(refused.errors).toEqual([
      { sheet: 'cases.csv', row: 0, column: '', reason: tooManyRows('cases', 10) },
    ])
    await nothingStored(other.tenantId)
  })
})
