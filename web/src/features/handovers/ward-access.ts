import type { Can } from '#shared/contracts/abilities.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'

// What the case page offers to whom; the server checks the same rules on every request
// (server/modules/handovers/handovers.policy.ts).

type CaseFacts = Pick<CaseDetail, 'intakeUnit' | 'handedOverTo' | 'status'>

/** A case the ward works on: opened at a ward centre, or handed over to one. */
export function isAtWard(c: CaseFacts): boolean {
  return c.intakeUnit !== 'window' || c.handedOverTo !== null
}

/** The additional assessment is written by the ward's staff while the case is not closed. */
type Side = Pick<Can, 'intakeAtWindow' | 'intakeAtWard'>

export function mayAssess(can: Side, c: CaseFacts): boolean {
  return can.intakeAtWard && isAtWard(c) && c.status !== 'closed'
}

/**
 * 本人同意: the window records it on its cases until it hands them over, then the ward. A
 * consent is recorded on a case in progress; its withdrawal can be recorded even once closed.
 */
export function consentAccess(can: Side, c: CaseFacts): 'edit' | 'withdraw' | 'read' {
  const works = can.intakeAtWindow ? c.handedOverTo === null : can.intakeAtWard && isAtWard(c)
  if (!works) return 'read'
  return c.status === 'closed' ? 'withdraw' : 'edit'
}
