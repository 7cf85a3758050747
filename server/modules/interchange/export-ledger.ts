// Exports a city's records in the interchange format: one .xlsx workbook (sheets named in
// Japanese) or a folder of UTF-8 CSV files (with BOM, CRLF) named <key>.csv. Headers are the
// Japanese column names, values are codes: either imports again (docs/ledger-format.md). Text that a
// spreadsheet would run as a formula is written with a quote in front (ledgerCell), in both.

import { once } from 'node:events'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAnonymousAudit, writeAudit } from '#server/platform/audit.ts'
import type { ColumnDef } from '#shared/interchange/sheets.ts'
import { SHEETS } from '#shared/interchange/sheets.ts'
import { type ExportRow, exportColumns, exportRows, ledgerCell } from './export-rows.ts'

export interface ExportOptions {
  /** A path ending in .xlsx, or a folder for CSV files. */
  out: string
  personal: boolean
  actor: Actor | null
  now: Date
}

export interface ExportSummary {
  files: string[]
  rows: Record<string, number>
}

// RFC 4180 quoting, also around ';' and tab: a spreadsheet set to split on them must not cut a
// cell in two and start the second half at a formula character.
const quote = (v: string) => (/[",;\t\r\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

async function writeCsv(path: string, columns: ColumnDef[], rows: ExportRow[]) {
  const out = createWriteStream(path)
  const line = async (cells: string[]) => {
    if (!out.write(`${cells.map(quote).join(',')}\r\n`)) await once(out, 'drain')
  }
  out.write('\uFEFF')
  await line(columns.map((c) => c.ja))
  for (const row of rows) await line(columns.map((c) => String(ledgerCell(c, row[c.key]) ?? '')))
  out.end()
  await once(out, 'finish')
}

export async function exportLedger(db: Db, tenantId: string, options: ExportOptions): Promise<ExportSummary> {
  return db.transaction(async (tx) => {
    const data = await exportRows(tx, tenantId, options.personal)
    const summary: ExportSummary = { files: [], rows: {} }
    const xlsx = options.out.toLowerCase().endsWith('.xlsx')
    // Loaded on first use: exceljs costs ~16 MB of memory, which CSV files never need.
    const workbook = xlsx
      ? new (await import('exceljs')).default.stream.xlsx.WorkbookWriter({
          filename: options.out,
          useSharedStrings: false,
        })
      : null
    if (!xlsx) mkdirSync(options.out, { recursive: true })
    for (const sheet of SHEETS) {
      const columns = exportColumns(sheet, options.personal)
      const rows = data.get(sheet.key) ?? []
      summary.rows[sheet.key] = rows.length
      if (workbook) {
        const ws = workbook.addWorksheet(sheet.ja)
        ws.addRow(columns.map((c) => c.ja)).commit()
        // exceljs writes a JS string as a string cell, never a formula ({ formula } objects only).
        for (const row of rows) ws.addRow(columns.map((c) => ledgerCell(c, row[c.key]))).commit()
        ws.commit()
      } else {
        const path = join(options.out, `${sheet.key}.csv`)
        await writeCsv(path, columns, rows)
        summary.files.push(path)
      }
    }
    if (workbook) {
      await workbook.commit()
      summary.files.push(options.out)
    }
    const entry = {
      action: 'ledger.export',
      recordType: 'ledger',
      detail: { personal: options.personal, format: xlsx ? 'xlsx' : 'csv', sheets: summary.rows },
    }
    if (options.actor) await writeAudit(tx, options.actor, options.now, entry)
    else
      await writeAnonymousAudit(
        tx,
        tenantId,
        options.now,
        { loginId: 'cli', accountId: null, clientAddress: 'cli' },
        entry,
      )
    return summary
  })
}
