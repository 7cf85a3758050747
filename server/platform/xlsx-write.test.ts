import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { workbookBuffer } from './xlsx-write.ts'

/** Text of emoji and CJK Extension B characters (surrogate pairs) mixed with kanji. */
function astral(rows: number): string[] {
  let seed = 7
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
  }
  return Array.from({ length: rows }, () => {
    let text = ''
    for (let i = 0; i < 50; i++)
      text += String.fromCodePoint(
        next() % 2
          ? 0x1f300 + (next() % 300)
          : next() % 3
            ? 0x4e00 + (next() % 20000)
            : 0x20000 + (next() % 40000),
      )
    return text
  })
}

describe('workbooks written with exceljs', () => {
  it('keep every character outside the BMP, whatever the size of a part (no U+FFFD)', async () => {
    const texts = astral(8000)
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('s')
    for (const t of texts) {
      // Runs split between characters, never inside a surrogate pair.
      const [head, tail] = [[...t].slice(0, 20).join(''), [...t].slice(20).join('')]
      sheet.addRow([t, { richText: [{ text: head }, { font: { bold: true }, text: tail }] }])
    }
    const zip = await JSZip.loadAsync(await workbookBuffer(book))
    const parts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => f.endsWith('.xml'))
        .map(async (f) => (await zip.file(f)!.async('nodebuffer')).toString('utf8')),
    )
    expect(parts.join('').includes('\uFFFD')).toBe(false)
    const shared = parts.join('')
    for (const t of texts.slice(0, 200)) expect(shared).toContain(t)
  })
})
