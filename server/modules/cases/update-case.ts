import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { changesBetween } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, forbidden, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/cases.ts'
import { tokyoDate } from '#shared/dates.ts'
import { recordCaseEvent } from './case-records.ts'
import { checkIntake, type IntakeValues, requireVersion, STALE_VERSION } from './case-rules.ts'
import { INTAKE_FIELDS, toCaseDetail } from './cases.dto.ts'
import { caseScopeOf, LEAD_CANNOT_CHANGE, worksOnIntake } from './cases.policy.ts'
import * as repo from './cases.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type UpdateInput = z.output<NonNullable<typeof contract.updateCase.body>>

/** Corrects intake fields: only the fields sent change; the history keeps each from → to. */
export async function updateCase({ db, clock }: Deps, actor: Actor, id: string, input: UpdateInput) {
  const scope = caseScopeOf(actor)
  if (!scope) throw refused('case', id)
  const now = clock.now()
  return db.transaction(async (tx) => {
    const before = await repo.findCaseForChange(tx, actor.tenantId, id, scope)
    if (!before) throw refused('case', id)
    if (!worksOnIntake(scope)) throw forbidden(LEAD_CANNOT_CHANGE)
    requireVersion(before, input.version)
    const { version, reason, ageBand, ...sent } = input
    const given = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== undefined))
    const merged = { ...pickIntake(before), ...given } as IntakeValues
    if (merged.concerns) merged.concerns = [...new Set(merged.concerns)]
    const values = await checkIntake(
      tx,
      actor.tenantId,
      tokyoDate(now),
      merged,
      ageBand,
      before.ageBand as never,
    )
    if (values.openedOn !== before.openedOn)
      await checkLaterDates(tx, actor.tenantId, before, values.openedOn)

    const changes = changesBetween(pickIntake(before), values, INTAKE_FIELDS)
    if (changes.length > 0) {
      const row = await repo.updateCaseRow(tx, actor.tenantId, id, version, { ...values, updatedAt: now })
      if (!row) throw conflict(STALE_VERSION)
      await recordCaseEvent(tx, actor, now, id, 'updated', changes, reason)
    }
    await writeAudit(tx, actor, now, {
      action: 'case.update',
      recordType: 'case',
      recordId: id,
      detail: { fields: changes.map((c) => c.field) },
    })
    const view = await repo.findCaseView(tx, actor.tenantId, id, scope)
    return toCaseDetail(view!)
  })
}

function pickIntake(row: repo.CaseRow): IntakeValues {
  return Object.fromEntries(INTAKE_FIELDS.map((f) => [f, row[f]])) as unknown as IntakeValues
}

/** A corrected opening date must not come after anything recorded on the case since. */
async function checkLaterDates(tx: Db, tenantId: string, before: repo.CaseRow, openedOn: string) {
  const errors = new FieldErrors()
  const firstContact = await repo.findFirstContactOn(tx, tenantId, before.id)
  const later = [firstContact, before.handedOverOn, before.closedOn].filter((d): d is string => d !== null)
  if (later.some((d) => d < openedOn)) {
    errors.add('openedOn', '受付日が対応記録・引継ぎ日・終結日より後になっています')
  }
  errors.throwIfAny()
}
