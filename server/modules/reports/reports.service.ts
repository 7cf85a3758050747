import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { baselines, wards } from '#server/db/schema/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { type AuditEntry, writeAnonymousAudit, writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { invalid } from '#server/platform/errors.ts'
import type {
  FindingEdit,
  FindingEditInput,
  FindingEdits,
  FindingPeriodQuery,
} from '#shared/contracts/report-findings.ts'
import type { Report, ReportQuery } from '#shared/contracts/reports.ts'
import { computeReport } from './compute-report.ts'
import {
  listEdits,
  periodOf,
  requireFindingEditor,
  saveEdit,
  withEditedFindings,
} from './finding-edits.service.ts'
import type { ReportOptions } from './report-period.ts'
import { reportWardOf } from './reports.policy.ts'

/** A ward or baseline that the city does not have is an input error on that field. */
async function checkOptions(db: Db, tenantId: string, o: ReportOptions): Promise<void> {
  if (o.ward) {
    const [ward] = await db
      .select({ code: wards.code })
      .from(wards)
      .where(and(eq(wards.tenantId, tenantId), eq(wards.code, o.ward)))
    if (!ward) throw invalid([{ field: 'ward', message: '指定された区が見つかりません' }])
  }
  if (o.baseline) {
    const [found] = await db
      .select({ label: baselines.label })
      .from(baselines)
      .where(and(eq(baselines.tenantId, tenantId), eq(baselines.label, o.baseline)))
      .limit(1)
    if (!found) throw invalid([{ field: 'baseline', message: '指定された比較基準が見つかりません' }])
  }
}

function viewEntry(o: ReportOptions, format: string): AuditEntry {
  return {
    action: 'report.view',
    detail: { from: o.from, to: o.to, ward: o.ward ?? null, flag8050: o.flag8050 ?? false, format },
  }
}

/**
 * Computes the report for the ward the actor may see, then audits the viewing. The report holds no personal data, so it is
 * computed on the pool (its sections run side by side on PostgreSQL) rather than inside the
 * audit's transaction; a failed computation writes no audit row.
 */
export async function viewReport(
  db: Db,
  clock: Clock,
  actor: Actor,
  q: ReportQuery,
  format: 'json' | 'xlsx' | 'html' = 'json',
): Promise<Report> {
  // The policy, not the query, fixes the ward: a ward coordinator's report is their ward's.
  const o: ReportOptions = { ...q, ward: reportWardOf(actor, q.ward) }
  await checkOptions(db, actor.tenantId, o)
  // The edits are one indexed read, run beside the figures' queries.
  const report = await computeReport(db, actor.tenantId, o, clock.now())
  const shown = await withEditedFindings(db, actor.tenantId, o, report)
  await writeAudit(db, actor, clock.now(), viewEntry(o, format))
  return shown
}

/** The edited findings of the report period the actor may see (their own ward for a coordinator). */
export async function viewFindingEdits(db: Db, actor: Actor, q: FindingPeriodQuery): Promise<FindingEdits> {
  const ward = reportWardOf(actor, q.ward)
  await checkOptions(db, actor.tenantId, { from: q.from, to: q.to, ward })
  return listEdits(db, actor.tenantId, periodOf({ ...q, ward }))
}

/**
 * Headquarters replaces a finding's text for a period. The period's report is computed (with
 * earlier edits) to know that the finding is drafted there and what text it replaces.
 */
export async function editFinding(
  db: Db,
  clock: Clock,
  actor: Actor,
  findingId: string,
  body: FindingEditInput,
): Promise<FindingEdit> {
  requireFindingEditor(actor)
  const o: ReportOptions = { from: body.from, to: body.to, ward: reportWardOf(actor, body.ward) }
  await checkOptions(db, actor.tenantId, o)
  const report = await withEditedFindings(
    db,
    actor.tenantId,
    o,
    await computeReport(db, actor.tenantId, o, clock.now()),
  )
  return saveEdit(db, clock, actor, periodOf(o), report, findingId, body.text)
}

/** The operator's CLI: no signed-in person, audited as the system ('cli'). */
export async function reportForOperator(
  db: Db,
  clock: Clock,
  tenantId: string,
  o: ReportOptions,
  format: string,
): Promise<Report> {
  return db.transaction(async (tx) => {
    await checkOptions(tx, tenantId, o)
    const report = await withEditedFindings(
      tx,
      tenantId,
      o,
      await computeReport(tx, tenantId, o, clock.now()),
    )
    await writeAnonymousAudit(
      tx,
      tenantId,
      clock.now(),
      { loginId: 'cli', accountId: null, clientAddress: 'cli' },
      viewEntry(o, format),
    )
    return report
  })
}
