import type { Actor } from '../../platform/actor.ts'
import { forbidden } from '../../platform/errors.ts'

/**
 * Which cases an actor may see (domain.md, "Actors and what each may see"): the window's
 * counsellors see the window's cases; a ward's coordinator and section staff see cases opened
 * at their ward or handed over to it. Everyone else sees no case contents.
 * The repository turns a scope into an SQL filter, so lists never fetch what they may not show.
 */
export type CaseScope = { kind: 'window' } | { kind: 'ward'; ward: string }

/** The fields of a case that decide who may see and change it. */
export interface CaseAccessFacts {
  intakeUnit: string
  status: string
  handedOverTo: string | null
}

const WARD_ROLES = new Set(['ward_coordinator', 'ward_staff'])

export function caseScopeOf(actor: Actor): CaseScope | null {
  if (actor.role === 'window_counsellor' && actor.unitKind === 'window') return { kind: 'window' }
  if (WARD_ROLES.has(actor.role) && actor.wardCode) return { kind: 'ward', ward: actor.wardCode }
  return null
}

/** For lists: a role without case access is refused outright, since no case is revealed. */
export function requireCaseScope(actor: Actor): CaseScope {
  const scope = caseScopeOf(actor)
  if (!scope) throw forbidden()
  return scope
}

export function isInScope(scope: CaseScope, c: CaseAccessFacts): boolean {
  if (scope.kind === 'window') return c.intakeUnit === 'window'
  return c.intakeUnit === scope.ward || c.handedOverTo === scope.ward
}

/** Where a new case is opened: the window, or the caller's own ward centre. */
export function intakeUnitFor(scope: CaseScope): string {
  return scope.kind === 'window' ? 'window' : scope.ward
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
  return c.status !== 'handed_over' || isReceivingWard(scope, c)
}

/** Contacts on a handed-over case are recorded by the ward that received it. */
export function mayRecordContact(scope: CaseScope, c: CaseAccessFacts): boolean {
  return c.status !== 'handed_over' || isReceivingWard(scope, c)
}

/** Roles that may be named as the staff member of a case or a contact. */
export const STAFF_ROLES: readonly string[] = ['window_counsellor', 'ward_coordinator', 'ward_staff']
