import {
  type CaseForChange,
  type CaseScope,
  isInScope,
  LEAD_CANNOT_CHANGE,
} from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { conflict, forbidden } from '#server/platform/errors.ts'

/**
 * The ward's side of a case (docs/domain.md: 引継ぎ, 追加アセスメント, 本人同意). The inbox and the
 * additional assessment belong to the ward centre — its coordinator (寄り添い支援係長) and its
 * sections' staff; the consent is recorded by whoever works on the case: the window until it
 * hands the case over, then the receiving ward (like contacts).
 */
const WARD_ROLES = new Set(['ward_coordinator', 'ward_staff'])

/** The ward whose inbox the caller reads; everyone else is refused (403: no case is revealed). */
export function requireInboxWard(actor: Actor): string {
  if (!WARD_ROLES.has(actor.role) || !actor.wardCode) throw forbidden()
  return actor.wardCode
}

/** A case the ward works on: opened at the ward or handed over to it. */
function isAtWard(scope: CaseScope, c: CaseForChange): boolean {
  return scope.kind === 'ward' && isInScope(scope, c)
}

/** The additional assessment: the ward's staff, on a case at the ward that is not closed. */
export function requireMayAssess(scope: CaseScope, c: CaseForChange) {
  if (scope.kind === 'lead' || scope.kind === 'lead_unit') throw forbidden(LEAD_CANNOT_CHANGE)
  if (!isAtWard(scope, c)) throw forbidden('追加アセスメントは、引継ぎ先（受付）の区で記録します')
  if (c.status === 'closed') {
    throw conflict('終結したケースの追加アセスメントは記録できません。再開してから記録してください。')
  }
}

/**
 * 本人同意: the window on its cases not handed over, the ward on cases at the ward. A consent
 * is recorded on a case in progress; its withdrawal can always be recorded, closed or not.
 */
export function requireMayRecordConsent(scope: CaseScope, c: CaseForChange, purpose: 'record' | 'withdraw') {
  if (scope.kind === 'lead' || scope.kind === 'lead_unit') throw forbidden(LEAD_CANNOT_CHANGE)
  const mine = scope.kind === 'window' ? !c.handedOverTo : isAtWard(scope, c)
  if (!mine) throw forbidden('引継ぎ済みのケースの本人同意は、引継ぎ先の区で記録します')
  if (purpose === 'record' && c.status === 'closed') {
    throw conflict('終結したケースには本人同意を記録できません。再開してから記録してください。')
  }
}
