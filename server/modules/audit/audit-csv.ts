// The audit log as CSV for an auditor's spreadsheet: UTF-8 with a BOM (Excel reads it as UTF-8
// only then), CRLF rows, every cell quoted, and text that a spreadsheet would run as a formula
// (= + - @ …) guarded with a quote (shared/interchange/formula-guard.ts, as the ledger export).
import { auditActionLabel } from '#shared/audit-actions.ts'
import { formatInstant } from '#shared/dates.ts'
import { guardFormula } from '#shared/interchange/formula-guard.ts'
import type { AuditRow } from './audit.repository.ts'

const BOM = '\uFEFF'

export const AUDIT_CSV_HEADER = [
  '日時',
  '職員',
  'ログインID',
  '操作',
  '操作コード',
  'ケース番号',
  '対象の種類',
  '対象ID',
  '接続元',
  '詳細',
]

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : guardFormula(String(value))
  return `"${text.replaceAll('"', '""')}"`
}

export function auditCsvLine(r: AuditRow): string {
  return [
    formatInstant(r.at),
    r.actorName,
    r.actorLogin,
    auditActionLabel(r.action),
    r.action,
    r.caseNo,
    r.recordType,
    r.recordId,
    r.clientAddress,
    r.detail === null ? '' : JSON.stringify(r.detail),
  ]
    .map(cell)
    .join(',')
}

export function auditCsv(rows: AuditRow[]): string {
  return `${BOM}${[AUDIT_CSV_HEADER.map(cell).join(','), ...rows.map(auditCsvLine)].join('\r\n')}\r\n`
}
