import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/**
 * Which cases an actor may see (docs/domain.md, "Who works with the records"): the window's
 * counsellors see the window's cases; a ward's coordinator and section staff see cases opened
 * at their ward or handed over to it; a lead worker sees the cases a meeting made them lead
 * (an accompaniment worker by name; a specialist agency's members the cases their organisation
 * leads). Everyone else sees no case contents here (agencies at a meeting read the agenda's
 * cases through the meetings module, with its own rule).
 * The repository turns a scope into an SQL filter, so lists never fetch what they may not show.
 */
export type CaseScope =
  | { kind: 'window' }
  | { kind: 'ward'; ward: string }
  | { kind: 'lead'; accountId: string }
  | { kind: 'lead_unit'; unitId: string }

/** The fields of a case that decide who may see and change it. */
export interface CaseAccessFacts {
  intakeUnit: string
  status: string
  handedOverTo: string | null
  lead?: string | null
  leadAccountId?: string | null
  leadUnitId?: string | null
}

const WARD_ROLES = new Set(['ward_coordinator', 'ward_staff'])

export function caseScopeOf(actor: Actor): CaseScope | null {
  if (actor.role === 'window_counsellor' && actor.unitKind === 'window') return { kind: 'window' }
  if (WARD_ROLES.has(actor.role) && actor.wardCode) return { kind: 'ward', ward: actor.wardCode }
  if (actor.role === 'accompaniment_worker') return { kind: 'lead', accountId: actor.accountId }
  if (actor.role === 'agency_member' && actor.unitKind === 'agency')
    return { kind: 'lead_unit', unitId: actor.unitId }
  return null
}

export const LEAD_CANNOT_CHANGE = '受付内容の修正・終結・引継ぎは、相談窓口または担当区で行います'

/** Lead workers read their cases and log support; the intake record stays with the window and ward. */
export function worksOnIntake(
  scope: CaseScope,
): scope is { kind: 'window' } | { kind: 'ward'; ward: string } {
  return scope.kind === 'window' || scope.kind === 'ward'
}

/** The window's and wards' intake work (new cases, the work list, similar persons); 403 for others. */
export function requireIntakeScope(actor: Actor): { kind: 'window' } | { kind: 'ward'; ward: string } {
  const scope = caseScopeOf(actor)
  if (!scope || !worksOnIntake(scope)) throw forbidden()
  return scope
}

/** For lists: a role without case access is refused outright, since no case is revealed. */
export function requireCaseScope(actor: Actor): CaseScope {
  const scope = caseScopeOf(actor)
  if (!scope) throw forbidden()
  return scope
}

export function isInScope(scope: CaseScope, c: CaseAccessFacts): boolean {
  switch (scope.kind) {
    case 'window':
      return c.intakeUnit === 'window'
    case 'ward':
      return c.intakeUnit === scope.ward || c.handedOverTo === scope.ward
    case 'lead':
      return c.leadAccountId === scope.accountId
    case 'lead_unit':
      return c.lead === 'specialist' && c.leadUnitId === scope.unitId
  }
}

/** Where a new case is opened: the window, or the caller's own ward centre. */
export function intakeUnitFor(scope: CaseScope): string {
  if (scope.kind === 'window') return 'window'
  if (scope.kind === 'ward') return scope.ward
  throw forbidden('ケースの受付は相談窓口または区役所・支所で行います')
}

/** A handover goes from the window to a ward; a ward does not hand cases on. */
export function mayHandOver(scope: CaseScope): boolean {
  return scope.kind === 'window'
}

/** Once handed over, the case is the receiving ward's to work on. */
function isReceivingWard(scope: CaseScope, c: CaseAccessFacts): boolean {
  return scope.kind === 'ward' && c.handedOverTo === scope.ward
}

/** An open case may be closed by whoever sees it; a handed-over one only by the receiving ward. */
export function mayClose(scope: CaseScope, c: CaseAccessFacts): boolean {
  if (!worksOnIntake(scope)) return false
  return c.status !== 'handed_over' || isReceivingWard(scope, c)
}

/** Contacts on a handed-over case are recorded by the ward that received it. */
export function mayRecordContact(scope: CaseScope, c: CaseAccessFacts): boolean {
  if (!worksOnIntake(scope)) return false
  return c.status !== 'handed_over' || isReceivingWard(scope, c)
}

/** Roles that may be named as the staff member of a case or a contact. */
export const STAFF_ROLES: readonly string[] = ['window_counsellor', 'ward_coordinator', 'ward_staff']
