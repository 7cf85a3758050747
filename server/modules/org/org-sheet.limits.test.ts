// The organisation sheet meets what an upload can carry: names with any character the city may
// write (and the ones it must not), megabytes of Japanese text, and a zip bomb.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWorkbook } from '#server/modules/interchange/index.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { unguardFormula } from '#shared/interchange/formula-guard.ts'

let ctx: TestContext
beforeAll(async () => {
  ctx = await createTestContext()
})
afterAll(() => ctx.close())

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const UNITS = '課・室など'

async function download(s: Session): Promise<ExcelJS.Workbook> {
  const res = await s.get('/api/org/sheet.xlsx')
  expect(res.statusCode, res.body).toBe(200)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  return book
}

function post(s: Session, payload: Buffer) {
  return s.request({ method: 'POST', url: '/api/org/sheet', headers: { 'content-type': XLSX }, payload })
}

/**
 * The names in the exported sheet, read with the product's reader: exceljs's own `load` loses an
 * emoji cut at an inflate chunk's edge, so it cannot be the judge here.
 */
async function exportedNames(s: Session): Promise<Set<string>> {
  const res = await s.get('/api/org/sheet.xlsx')
  expect(res.statusCode, res.body).toBe(200)
  const sheet = (await readWorkbook(res.rawPayload, {})).get(UNITS)!
  return new Set(sheet.rows.map((r) => unguardFormula(r.cells.get('名称') ?? '')))
}

const messages = (res: { json(): { errors: { message: string }[] } }) =>
  res.json().errors.map((e) => e.message)

/** Random text from kanji, kana, full-width symbols, emoji and characters outside the BMP. */
function japanese(length: number, seed: number): string {
  const ranges = [
    [0x4e00, 0x9fff],
    [0x3041, 0x3096],
    [0x30a1, 0x30fa],
    [0xff01, 0xff5e],
    [0x1f300, 0x1f64f],
    [0x20000, 0x2a6df],
  ]
  let s = seed
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s
  }
  let out = ''
  while ([...out].length < length) {
    const [from, to] = ranges[next() % ranges.length]!
    out += String.fromCodePoint(from! + (next() % (to! - from! + 1)))
  }
  return out
}

describe('the organisation sheet against hostile and large input', () => {
  // A spreadsheet cannot carry NUL or a broken surrogate (the xlsx writer drops or replaces them;
  // the API's bad-bytes test covers them); what a sheet can carry is checked here.
  it('refuses line breaks, blank and over-long names by sheet, row and column; zero-width and full-width pass as written', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const book = await download(admin)
    const units = book.getWorksheet(UNITS)!
    units.addRow(['', '相談窓口', '', 'まど\nぐち', 50, '有効'])
    units.addRow(['', '相談窓口', '', '\u3000\u3000', 51, '有効'])
    units.addRow(['', '相談窓口', '', 'あ'.repeat(101), 52, '有効'])
    const last = units.rowCount
    const bad = await post(admin, Buffer.from(await book.xlsx.writeBuffer()))
    expect(bad.statusCode).toBe(400)
    expect(messages(bad)).toEqual([
      `シート「${UNITS}」${last - 2}行目の「名称」：この項目には改行やタブは使えません`,
      `シート「${UNITS}」${last - 1}行目の「名称」：名称を入力してください`,
      `シート「${UNITS}」${last}行目の「名称」：100文字以内で入力してください`,
    ])
    expect((await admin.get('/api/org/history')).json()).toEqual([])

    const fine = await download(admin)
    const odd = ['ゼロ\u200b幅の窓口', 'ＦＵＬＬ　ＷＩＤＴＨ窓口', '𠮷野家の隣の窓口']
    for (const [i, name] of odd.entries())
      fine.getWorksheet(UNITS)!.addRow(['', '相談窓口', '', name, 60 + i, '有効'])
    const ok = await post(admin, Buffer.from(await fine.xlsx.writeBuffer()))
    expect(ok.statusCode, ok.body).toBe(200)
    const names = await exportedNames(admin)
    for (const name of odd) expect(names).toContain(name)
  })

  it('imports megabytes of Japanese names and exports them back equal, character for character', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const book = await download(admin)
    const units = book.getWorksheet(UNITS)!
    const written = Array.from({ length: 8000 }, (_, i) => japanese(50, i + 1))
    for (const [i, name] of written.entries()) units.addRow(['', 'よりそい支援員', '', name, 100 + i, '有効'])
    const body = Buffer.from(await book.xlsx.writeBuffer())
    const text = written.reduce((bytes, name) => bytes + Buffer.byteLength(name), 0)
    expect(text).toBeGreaterThan(1_000_000)

    const res = await post(admin, body)
    expect(res.statusCode, res.body).toBe(200)
    const read = await exportedNames(admin)
    const lost = written.filter((name) => !read.has(name))
    expect(lost).toEqual([])
  }, 120_000)

  it('refuses a zip bomb (a part that inflates past the limit) before reading it', async () => {
    const city = await ctx.newCity()
    const admin = await city.as('admin')
    const zip = await JSZip.loadAsync(await (await download(admin)).xlsx.writeBuffer())
    const huge = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'あ'.repeat(20 * 1024 * 1024)}</t></si></sst>`
    zip.file('xl/sharedStrings.xml', huge)
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024)
    const res = await post(admin, bomb)
    expect(res.statusCode).toBe(400)
    expect(messages(res)).toEqual(['ブック内の「xl/sharedStrings.xml」は展開すると上限（20MB）を超えます'])
    expect(res.body.length).toBeLessThan(1000)
  }, 60_000)
})
