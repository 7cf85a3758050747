import type { Role } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'

// What the case page offers to whom; the server checks the same rules on every request
// (server/modules/handovers/handovers.policy.ts).

type CaseFacts = Pick<CaseDetail, 'intakeUnit' | 'handedOverTo' | 'status'>

const WARD_ROLES: readonly Role[] = ['ward_coordinator', 'ward_staff']

/** A case the ward works on: opened at a ward centre, or handed over to one. */
export function isAtWard(c: CaseFacts): boolean {
  return c.intakeUnit !== 'window' || c.handedOverTo !== null
}

/** The additional assessment is written by the ward's staff while the case is not closed. */
export function mayAssess(role: Role, c: CaseFacts): boolean {
  return WARD_ROLES.includes(role) && isAtWard(c) && c.status !== 'closed'
}

/**
 * 本人同意: the window records it on its cases until it hands them over, then the ward. A
 * consent is recorded on a case in progress; its withdrawal can be recorded even once closed.
 */
export function consentAccess(role: Role, c: CaseFacts): 'edit' | 'withdraw' | 'read' {
  const works =
    role === 'window_counsellor' ? c.handedOverTo === null : WARD_ROLES.includes(role) && isAtWard(c)
  if (!works) return 'read'
  return c.status === 'closed' ? 'withdraw' : 'edit'
}
