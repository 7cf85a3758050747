import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { fieldsSet } from '#server/platform/changes.ts'
import type { FieldErrors } from '#server/platform/field-errors.ts'
import { nextCounterValue } from '#server/platform/sequences.ts'
import type { FirstConsulter } from '#shared/codes.ts'
import type * as contract from '#shared/contracts/cases.ts'
import { fiscalYearOf, tokyoDate } from '#shared/dates.ts'
import { recordCaseEvent } from './case-records.ts'
import { checkIntake } from './case-rules.ts'
import { INTAKE_FIELDS } from './cases.dto.ts'
import { type CaseScope, intakeUnitFor, requireIntakeScope } from './cases.policy.ts'
import * as repo from './cases.repository.ts'

type CreateInput = z.output<NonNullable<typeof contract.createCase.body>>

/**
 * The next case number of the city, per fiscal year: 2026-00001. A number already taken by an
 * imported ledger is skipped rather than reused.
 */
async function nextCaseNo(tx: Db, tenantId: string, openedOn: string): Promise<string> {
  const fy = fiscalYearOf(openedOn)
  for (;;) {
    const n = await nextCounterValue(tx, tenantId, `case_no:${fy}`)
    const caseNo = `${fy}-${String(n).padStart(5, '0')}`
    if (!(await repo.caseNoTaken(tx, tenantId, caseNo))) return caseNo
  }
}

export const WARD_ROUTE_REQUIRED = '新規ケース経路を選択してください'
export const WARD_ROUTE_NOT_FOR_WINDOW = '新規ケース経路は、区役所・支所で受け付けたケースに記録します'

/**
 * A case opened at a ward centre names how it reached the ward (新規ケース経路: one of the
 * centre's sections, or an agency's information) and waits for the additional assessment; the
 * window's cases get theirs when handed over.
 */
function wardIntake(scope: CaseScope, wardRoute: CreateInput['wardRoute'], errors: FieldErrors) {
  if (scope.kind !== 'ward') {
    if (wardRoute) errors.add('wardRoute', WARD_ROUTE_NOT_FOR_WINDOW)
    return {}
  }
  if (!wardRoute) errors.add('wardRoute', WARD_ROUTE_REQUIRED)
  return { wardRoute: wardRoute ?? null, wardState: 'assessing' }
}

/** The case's own fields of an intake; who called and the first contact are the intake module's. */
export type OpenCaseInput = Omit<CreateInput, 'firstContact' | 'firstConsulter'> & {
  firstConsulter: FirstConsulter
}

/**
 * Opens a case in the caller's transaction (the intake adds the first contact in the same one)
 * and returns the stored row. `errors` may already hold the caller's own field errors: they are
 * reported together with the case's, and nothing is written while there are any.
 */
export async function openCase(tx: Db, actor: Actor, now: Date, input: OpenCaseInput, errors: FieldErrors) {
  const scope = requireIntakeScope(actor)
  const ward = wardIntake(scope, input.wardRoute, errors)
  const values = await checkIntake(
    tx,
    actor.tenantId,
    tokyoDate(now),
    {
      openedOn: input.openedOn,
      ward: input.ward ?? null,
      age: input.age ?? null,
      birthYear: input.birthYear ?? null,
      firstConsulter: input.firstConsulter,
      route: input.route,
      concerns: [...new Set(input.concerns)],
      urgency: input.urgency,
      name: input.name,
      kana: input.kana,
      gender: input.gender,
      staffId: input.staffId ?? actor.accountId,
    },
    input.ageBand,
    'unknown',
    errors,
  )
  const row = await repo.insertCase(tx, {
    tenantId: actor.tenantId,
    caseNo: await nextCaseNo(tx, actor.tenantId, values.openedOn),
    intakeUnit: intakeUnitFor(scope),
    status: 'open',
    ...values,
    ...ward,
    createdAt: now,
    updatedAt: now,
  })
  const created = { ...values, wardRoute: row.wardRoute, wardState: row.wardState }
  await recordCaseEvent(
    tx,
    actor,
    now,
    row.id,
    'created',
    fieldsSet(created, [...INTAKE_FIELDS, 'wardRoute', 'wardState']),
  )
  await writeAudit(tx, actor, now, {
    action: 'case.create',
    recordType: 'case',
    recordId: row.id,
    detail: { caseNo: row.caseNo, intakeUnit: row.intakeUnit },
  })
  return { id: row.id, caseNo: row.caseNo, openedOn: row.openedOn, staffId: row.staffId }
}
