// The drafted findings (所見) in the workbook and the standalone HTML: the sentence as shown (the
// edited text when headquarters edited it) with the figures it rests on and their table.
import type ExcelJS from 'exceljs'
import type { Report } from '#shared/contracts/reports.ts'
import { findingFigures, findingSource } from '#shared/finding-source.ts'

/** A first sheet 所見: one row per finding, the figures as numbers so they can be checked in Excel. */
export function addFindingsSheet(book: ExcelJS.Workbook, report: Report, period: string): void {
  const sheet = book.addWorksheet('所見')
  sheet.addRow(['所見（下書き）']).font = { bold: true, size: 12 }
  sheet.addRow([period])
  sheet.addRow(['各文の数値は集計表から求めたものです。文は本市担当課が編集できます（数値は変わりません）。'])
  sheet.addRow([])
  const head = sheet.addRow(['所見', '分子', '分母', '値', '表現', '出典'])
  head.font = { bold: true }
  for (const f of report.findings) {
    const row = sheet.addRow([
      f.text,
      f.numerator,
      f.denominator,
      f.value,
      f.phrase,
      findingSource(f, report),
    ])
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' }
  }
  sheet.columns.forEach((column, j) => {
    column.width = [70, 10, 10, 10, 12, 40][j]
  })
}

/** The findings as a section for the standalone page; nothing when the period drafts none. */
export function findingsHtml(report: Report, escapeHtml: (text: string) => string): string {
  if (report.findings.length === 0) return ''
  const items = report.findings
    .map(
      (f) => `<li><p>${escapeHtml(f.text)}</p>
<p class="figures">${escapeHtml(findingFigures(f))}　出典：${escapeHtml(findingSource(f, report))}</p></li>`,
    )
    .join('\n')
  return `<section class="findings" aria-labelledby="findings-title">
<h2 id="findings-title">所見（下書き）</h2>
<ul>
${items}
</ul>
</section>`
}
