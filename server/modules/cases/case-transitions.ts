import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { type Change, changesBetween } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, forbidden, refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/cases.ts'
import { tokyoDate } from '#shared/dates.ts'
import { recordCaseEvent } from './case-records.ts'
import { checkDate, requireVersion, resolveWard, STALE_VERSION } from './case-rules.ts'
import { toCaseDetail } from './cases.dto.ts'
import {
  type CaseScope,
  caseScopeOf,
  LEAD_CANNOT_CHANGE,
  mayClose,
  mayHandOver,
  worksOnIntake,
} from './cases.policy.ts'
import * as repo from './cases.repository.ts'

type Deps = Pick<AppDeps, 'db' | 'clock'>
type CloseInput = z.output<NonNullable<typeof contract.closeCase.body>>
type HandOverInput = z.output<NonNullable<typeof contract.handOverCase.body>>
type ReopenInput = z.output<NonNullable<typeof contract.reopenCase.body>>
type Action = 'closed' | 'handed_over' | 'reopened'

interface Transition {
  action: Action
  audit: string
  values: Partial<repo.CaseRow>
  reason?: string | null
  auditDetail?: Record<string, unknown>
}

/**
 * The frame every status change shares: the case in scope (404 otherwise), the version the
 * caller saw, one history entry with what changed, one audit row, all in one transaction.
 */
async function transition(
  { db, clock }: Deps,
  actor: Actor,
  id: string,
  version: number,
  decide: (tx: Db, scope: CaseScope, before: repo.CaseRow, today: string) => Promise<Transition>,
) {
  const scope = caseScopeOf(actor)
  if (!scope) throw refused('case', id)
  const now = clock.now()
  return db.transaction(async (tx) => {
    const before = await repo.findCaseForChange(tx, actor.tenantId, id, scope)
    if (!before) throw refused('case', id)
    if (!worksOnIntake(scope)) throw forbidden(LEAD_CANNOT_CHANGE)
    requireVersion(before, version)
    const t = await decide(tx, scope, before, tokyoDate(now))
    const fields = Object.keys(t.values) as (keyof repo.CaseRow & string)[]
    const changes: Change[] = changesBetween(before, t.values, fields)
    const row = await repo.updateCaseRow(tx, actor.tenantId, id, version, { ...t.values, updatedAt: now })
    if (!row) throw conflict(STALE_VERSION)
    await recordCaseEvent(tx, actor, now, id, t.action, changes, t.reason ?? null)
    await writeAudit(tx, actor, now, {
      action: t.audit,
      recordType: 'case',
      recordId: id,
      ...(t.auditDetail ? { detail: t.auditDetail } : {}),
    })
    // A window case handed over stays in the window's scope, so the view is always found.
    const view = await repo.findCaseView(tx, actor.tenantId, id, scope)
    return toCaseDetail(view!)
  })
}

export function closeCase(deps: Deps, actor: Actor, id: string, input: CloseInput) {
  return transition(deps, actor, id, input.version, async (_tx, scope, before, today) => {
    if (before.status === 'closed') throw conflict('このケースは既に終結しています')
    if (!mayClose(scope, before)) throw forbidden('引継ぎ済みのケースは、引継ぎ先の区で終結します')
    const errors = new FieldErrors()
    checkDate(errors, 'closedOn', input.closedOn, today, before.openedOn)
    if (before.handedOverOn && input.closedOn < before.handedOverOn) {
      errors.add('closedOn', '引継ぎ日より前の日付です')
    }
    errors.throwIfAny()
    return {
      action: 'closed',
      audit: 'case.close',
      values: {
        status: 'closed',
        closedOn: input.closedOn,
        closureReason: input.closureReason,
        closureNote: input.note,
      },
      auditDetail: { closureReason: input.closureReason },
    }
  })
}

export function handOverCase(deps: Deps, actor: Actor, id: string, input: HandOverInput) {
  return transition(deps, actor, id, input.version, async (tx, scope, before, today) => {
    if (!mayHandOver(scope)) throw forbidden('引継ぎは相談窓口から区役所・支所へ行います')
    if (before.status !== 'open') {
      throw conflict(
        before.status === 'closed'
          ? '終結したケースは引継ぎできません。再開してから引継いでください。'
          : 'このケースは既に引継ぎ済みです',
      )
    }
    const errors = new FieldErrors()
    checkDate(errors, 'handedOverOn', input.handedOverOn, today, before.openedOn)
    const ward = await resolveWard(tx, actor.tenantId, input.ward)
    if (!ward) errors.add('ward', '引継ぎ先の区が見つかりません。一覧から選択してください')
    errors.throwIfAny()
    return {
      action: 'handed_over',
      audit: 'case.handover',
      values: {
        status: 'handed_over',
        handedOverOn: input.handedOverOn,
        handedOverTo: ward!,
        handoverSummary: input.summary,
        wardState: 'assessing',
        // 新規ケース経路: a case the window hands over reaches the ward's meeting by the window.
        wardRoute: 'window',
      },
      auditDetail: { handedOverTo: ward },
    }
  })
}

/**
 * Reopening a closed case clears the closure and returns it to where it was worked on: open,
 * or with the ward when it had been handed over (so the ward keeps it). Reopening a
 * handed-over case takes it back to the window as open, which only the window does (the ward
 * would lose sight of it). The history keeps the old values.
 */
export function reopenCase(deps: Deps, actor: Actor, id: string, input: ReopenInput) {
  return transition(deps, actor, id, input.version, async (_tx, scope, before) => {
    if (before.status === 'open') throw conflict('このケースは既に対応中です')
    if (before.status === 'handed_over' && scope.kind !== 'window') {
      throw forbidden('引継ぎ済みのケースを対応中に戻せるのは相談窓口です')
    }
    const values: Partial<repo.CaseRow> =
      before.status === 'closed'
        ? {
            status: before.handedOverTo ? 'handed_over' : 'open',
            closedOn: null,
            closureReason: null,
            closureNote: null,
          }
        : {
            status: 'open',
            handedOverOn: null,
            handedOverTo: null,
            handoverSummary: null,
            wardState: null,
            wardRoute: null,
          }
    return {
      action: 'reopened',
      audit: 'case.reopen',
      values,
      reason: input.reason,
      auditDetail: { from: before.status },
    }
  })
}
