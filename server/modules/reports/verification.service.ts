// 表1 取組検証の手法: headquarters keeps the verification methods of a report period as records;
// whoever may see the report reads them (docs/report-rules.md). Every change is audited, with ids
// and the period only.
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { conflict, forbidden, invalid, notFound } from '#server/platform/errors.ts'
import type {
  VerificationCreateInput,
  VerificationList,
  VerificationRecord,
  VerificationUpdateInput,
} from '#shared/contracts/report-verification.ts'
import { requireReportViewer } from './reports.policy.ts'
import {
  deleteRecord,
  findRecord,
  insertRecord,
  recordsOfPeriod,
  surveyExists,
  updateRecord,
  type VerificationRow,
} from './verification.repository.ts'

const STALE = 'この検証手法は他の人が変更しました。画面を読み込み直してから、もう一度変更してください'
const GONE = 'この検証手法は見つかりません'

/** Headquarters writes the city's verification; the administrator keeps the system, not its text. */
function requireVerificationEditor(actor: Actor): void {
  if (actor.role !== 'headquarters') throw forbidden('取組検証の手法を編集できるのは本市担当課です')
}

function asRecord(r: VerificationRow): VerificationRecord {
  return {
    id: r.id,
    kind: r.kind as VerificationRecord['kind'],
    method: r.method,
    heldFrom: r.heldFrom,
    heldTo: r.heldTo,
    target: r.target,
    surveyId: r.surveyId,
    responses: r.responses,
    sortOrder: r.sortOrder,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  }
}

export async function listVerification(
  db: Db,
  actor: Actor,
  p: { from: string; to: string },
): Promise<VerificationList> {
  requireReportViewer(actor)
  const rows = await recordsOfPeriod(db, actor.tenantId, p.from, p.to)
  return { period: { from: p.from, to: p.to }, items: rows.map(asRecord) }
}

/** A survey named by id must be one of the city's: an input error on that field otherwise. */
async function checkSurvey(db: Db, tenantId: string, surveyId: string | null) {
  if (surveyId && !(await surveyExists(db, tenantId, surveyId)))
    throw invalid([{ field: 'surveyId', message: '指定されたアンケートが見つかりません' }])
}

const valuesOf = (input: VerificationCreateInput | VerificationUpdateInput) => ({
  kind: input.kind,
  method: input.method,
  heldFrom: input.heldFrom ?? null,
  heldTo: input.heldTo ?? null,
  target: input.target,
  surveyId: input.surveyId ?? null,
  responses: input.responses ?? null,
  sortOrder: input.sortOrder,
})

export async function createVerification(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: VerificationCreateInput,
): Promise<VerificationRecord> {
  requireVerificationEditor(actor)
  await checkSurvey(db, actor.tenantId, input.surveyId ?? null)
  return db.transaction(async (tx) => {
    const now = clock.now()
    const row = await insertRecord(tx, {
      tenantId: actor.tenantId,
      periodFrom: input.from,
      periodTo: input.to,
      ...valuesOf(input),
      updatedBy: actor.accountId,
      updatedAt: now,
    })
    await writeAudit(tx, actor, now, {
      action: 'report.verification.create',
      recordType: 'report_verification',
      recordId: row.id,
      detail: { from: input.from, to: input.to, kind: input.kind },
    })
    return asRecord(row)
  })
}

export async function updateVerification(
  db: Db,
  clock: Clock,
  actor: Actor,
  id: string,
  input: VerificationUpdateInput,
): Promise<VerificationRecord> {
  requireVerificationEditor(actor)
  await checkSurvey(db, actor.tenantId, input.surveyId ?? null)
  return db.transaction(async (tx) => {
    const now = clock.now()
    const row = await updateRecord(tx, actor.tenantId, id, input.version, {
      ...valuesOf(input),
      updatedBy: actor.accountId,
      updatedAt: now,
    })
    if (!row) throw (await findRecord(tx, actor.tenantId, id)) ? conflict(STALE) : notFound(GONE)
    await writeAudit(tx, actor, now, {
      action: 'report.verification.update',
      recordType: 'report_verification',
      recordId: id,
      detail: { from: row.periodFrom, to: row.periodTo, kind: row.kind, version: row.version },
    })
    return asRecord(row)
  })
}

export async function removeVerification(db: Db, clock: Clock, actor: Actor, id: string): Promise<null> {
  requireVerificationEditor(actor)
  return db.transaction(async (tx) => {
    const row = await deleteRecord(tx, actor.tenantId, id)
    if (!row) throw notFound(GONE)
    await writeAudit(tx, actor, clock.now(), {
      action: 'report.verification.delete',
      recordType: 'report_verification',
      recordId: id,
      detail: { from: row.periodFrom, to: row.periodTo },
    })
    return null
  })
}
