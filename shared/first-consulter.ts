import type { Counterpart, FirstConsulter, Relationship } from './codes.ts'
import { counterpartOf } from './counterpart.ts'

/**
 * Who opened a case and who a contact was with are two code lists that say nearly the same
 * thing (docs/domain.md): 相談者 本人 / 家族・親族 / 関係機関 / その他, 対象 本人 / 家族・親族 / その他.
 * The intake derives one from the other so that the counsellor states who called only once.
 */
export function counterpartOfFirstConsulter(firstConsulter: FirstConsulter): Counterpart {
  return firstConsulter === 'agency' ? 'other' : firstConsulter
}

/** An agency's call is 対象 その他 too; without more, その他 stays その他. */
export function firstConsulterOfCounterpart(counterpart: Counterpart): FirstConsulter {
  return counterpart
}

/** The first consulter of a case opened by someone of this 続柄: agency staff are 関係機関. */
export function firstConsulterOfRelationship(relationship: Relationship): FirstConsulter {
  return relationship === 'agency_staff' ? 'agency' : counterpartOf(relationship)
}
