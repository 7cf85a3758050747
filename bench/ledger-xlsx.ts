// The generated CSV ledger as one workbook (`BENCH_FORMAT=xlsx npm run bench`): a worksheet per
// CSV file, named by its sheet key, text cells as shared strings as Excel writes them. Times
// the xlsx reader against the same rows as the CSV run.
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

export async function ledgerAsWorkbook(paths: string[], dir: string): Promise<string> {
  const path = join(dir, 'ledger.xlsx')
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true })
  for (const csv of paths) {
    const sheet = book.addWorksheet(basename(csv, '.csv'))
    const rows = parse(readFileSync(csv), { relax_column_count: true }) as string[][]
    for (const row of rows) sheet.addRow(row.map((cell) => (cell === '' ? null : cell))).commit()
    sheet.commit()
  }
  await book.commit()
  return path
}
