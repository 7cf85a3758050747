import ExcelJS from 'exceljs'
import { workbookBuffer } from '#server/platform/xlsx-write.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { addFindingsSheet } from './render-findings.ts'
import { type ColumnKind, periodLabel, reportTables } from './report-tables.ts'

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  // The seed writes decreases as △58.
  change: '#,##0;"△"#,##0;0',
  percent: '0.0"%"',
  rate: '0.0',
}

/**
 * The report as a workbook: one sheet per table, headed as in the seed, counts as numbers (so
 * the city can chart them in Excel) and "—" where a baseline has no figure.
 */
export async function renderReportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Yorisoi'
  // A fixed date keeps the same report byte-for-byte stable apart from the figures.
  book.created = new Date(`${report.period.to}T00:00:00Z`)
  const period = `対象期間：${periodLabel(report)}`
  if (report.findings.length > 0) addFindingsSheet(book, report, period)
  for (const table of reportTables(report)) {
    const sheet = book.addWorksheet(table.sheet)
    sheet.addRow([table.title]).font = { bold: true, size: 12 }
    sheet.addRow([period])
    if (table.note) sheet.addRow([table.note])
    sheet.addRow([])
    const head = sheet.addRow(table.columns.map((c) => c.label))
    head.font = { bold: true }
    head.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
      cell.border = { bottom: { style: 'thin' } }
    })
    table.rows.forEach((values, i) => {
      const row = sheet.addRow(values.map((v) => (v === null ? '—' : v)))
      table.columns.forEach((column, j) => {
        const cell = row.getCell(j + 1)
        const format = NUMBER_FORMAT[column.kind]
        if (format && typeof cell.value === 'number') cell.numFmt = format
        if (j > 0) cell.alignment = { horizontal: 'right' }
      })
      if (table.totalRow && i === table.rows.length - 1) {
        row.font = { bold: true }
        row.eachCell((cell) => {
          cell.border = { top: { style: 'thin' } }
        })
      }
    })
    sheet.columns.forEach((column, j) => {
      column.width = j === 0 ? 40 : 16
    })
  }
  return workbookBuffer(book)
}
