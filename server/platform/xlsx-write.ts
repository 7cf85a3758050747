// exceljs writes each part of a workbook to JSZip as one JS string, and JSZip encodes strings to
// UTF-8 in slices of 16 K UTF-16 units: a character outside the BMP (an emoji, 𠮷) whose surrogate
// pair straddles a slice edge became two U+FFFD in the file. Handing JSZip the part already
// encoded (a Buffer) leaves nothing to cut. Every workbook the product writes with exceljs's
// in-memory API goes through workbookBuffer(), which makes sure the fix is in place.
// (exceljs's streaming WorkbookWriter, used by the ledger export, is not affected.)
import { createRequire } from 'node:module'
import type ExcelJS from 'exceljs'

interface ZipWriterClass {
  prototype: { append(data: unknown, options: unknown): unknown; __utf8Whole?: true }
}

const require = createRequire(import.meta.url)
const { ZipWriter } = require('exceljs/lib/utils/zip-stream.js') as { ZipWriter: ZipWriterClass }

if (!ZipWriter.prototype.__utf8Whole) {
  const append = ZipWriter.prototype.append
  ZipWriter.prototype.append = function (data, options) {
    return append.call(this, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, options)
  }
  ZipWriter.prototype.__utf8Whole = true
}

/** The workbook as .xlsx bytes, every character intact. */
export async function workbookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer())
}
