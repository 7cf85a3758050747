// Headquarters' edits of drafted findings, per report period (docs/report-rules.md "Findings").
// The edited text replaces `text` wherever the report is shown; numerator, denominator, value and
// phrase stay as computed, so an edit can reword a finding but never change its figures.
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { forbidden, notFound } from '#server/platform/errors.ts'
import type { FindingEdit, FindingEdits } from '#shared/contracts/report-findings.ts'
import type { Report } from '#shared/contracts/reports.ts'
import {
  currentTexts,
  editsOfPeriod,
  type FindingEditRow,
  type FindingPeriod,
  insertEdit,
} from './finding-edits.repository.ts'
import type { ReportOptions } from './report-period.ts'

/**
 * The report with each finding's edited text for its period. Edits are keyed by (from, to,
 * ward); the 8050 view counts other cases, so a sentence edited for the whole would cite
 * figures that are not the 8050 view's: that view keeps its drafts.
 */
export async function withEditedFindings(
  db: Db,
  tenantId: string,
  o: ReportOptions,
  report: Report,
): Promise<Report> {
  if (o.flag8050 || report.findings.length === 0) return report
  const texts = currentTexts(await editsOfPeriod(db, tenantId, periodOf(o)))
  if (texts.size === 0) return report
  return { ...report, findings: report.findings.map((f) => ({ ...f, text: texts.get(f.id) ?? f.text })) }
}

export const periodOf = (o: { from: string; to: string; ward?: string | null }): FindingPeriod => ({
  from: o.from,
  to: o.to,
  ward: o.ward ?? null,
})

const at = (d: Date) => d.toISOString()

/** One finding's edits (oldest first) as the API gives them: the latest text and the history. */
function asEdit(findingId: string, rows: readonly FindingEditRow[]): FindingEdit {
  const last = rows.at(-1)!
  return {
    findingId,
    text: last.after,
    editedByName: last.editedByName,
    editedAt: at(last.editedAt),
    history: rows.map((r) => ({
      before: r.before,
      after: r.after,
      editedByName: r.editedByName,
      editedAt: at(r.editedAt),
    })),
  }
}

export async function listEdits(db: Db, tenantId: string, p: FindingPeriod): Promise<FindingEdits> {
  const rows = await editsOfPeriod(db, tenantId, p)
  const ids = [...new Set(rows.map((r) => r.findingId))]
  return {
    period: p,
    edits: ids.map((id) =>
      asEdit(
        id,
        rows.filter((r) => r.findingId === id),
      ),
    ),
  }
}

/** Headquarters words the city's evaluation; the administrator keeps the system, not its text. */
export function requireFindingEditor(actor: Actor): void {
  if (actor.role !== 'headquarters') throw forbidden('所見を編集できるのは本市担当課です')
}

/**
 * Stores a new text for one finding of the period. `report` is the period's report as shown now
 * (its drafted findings with any earlier edit applied): a finding it does not draft cannot be
 * edited, and its current text is the history's `before`. Audited with ids only.
 */
export async function saveEdit(
  db: Db,
  clock: Clock,
  actor: Actor,
  p: FindingPeriod,
  report: Report,
  findingId: string,
  text: string,
): Promise<FindingEdit> {
  requireFindingEditor(actor)
  const shown = report.findings.find((f) => f.id === findingId)
  if (!shown) throw notFound('この期間の所見にその項目はありません')
  return db.transaction(async (tx) => {
    const now = clock.now()
    await insertEdit(tx, {
      tenantId: actor.tenantId,
      periodFrom: p.from,
      periodTo: p.to,
      ward: p.ward ?? '',
      findingId,
      before: shown.text,
      after: text,
      editedBy: actor.accountId,
      editedByName: actor.name,
      editedAt: now,
    })
    await writeAudit(tx, actor, now, {
      action: 'report.finding.edit',
      recordType: 'report_finding',
      recordId: findingId,
      detail: { from: p.from, to: p.to, ward: p.ward, findingId, length: text.length },
    })
    const rows = (await editsOfPeriod(tx, actor.tenantId, p)).filter((r) => r.findingId === findingId)
    return asEdit(findingId, rows)
  })
}
