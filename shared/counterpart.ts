import type { Counterpart, Relationship } from './codes.ts'

/**
 * 対象 of a contact from the 続柄 of the one it was with (docs/ledger-format.md, `contacts.person_no`):
 * the person is 本人, any relative 家族・親族, agency staff and anyone else その他. One table for the
 * contacts API and the ledger import, so that a counterpart is never typed twice or disagrees.
 */
export const COUNTERPART_OF: Readonly<Record<Relationship, Counterpart>> = {
  self: 'self',
  mother: 'family',
  father: 'family',
  sibling: 'family',
  spouse: 'family',
  grandparent: 'family',
  child: 'family',
  other_relative: 'family',
  agency_staff: 'other',
  other: 'other',
}

export function counterpartOf(relationship: Relationship): Counterpart {
  return COUNTERPART_OF[relationship]
}

/** The field message when a given counterpart disagrees with the one the person implies. */
export const COUNTERPART_CONTRADICTS = '対象が相手の続柄と合いません（相手を選ぶと対象は自動で決まります）'
