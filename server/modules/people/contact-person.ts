import type { Db } from '#server/db/client.ts'
import type { FieldErrors } from '#server/platform/field-errors.ts'
import type { Counterpart, Relationship } from '#shared/codes.ts'
import { COUNTERPART_CONTRADICTS, counterpartOf } from '#shared/counterpart.ts'
import * as repo from './people.repository.ts'

export const NOT_A_PERSON_OF_THE_CASE = '相手はこのケースの相談者・世帯から選択してください'
export const COUNTERPART_REQUIRED = '対象を選択してください'

/**
 * 対象 of a contact (docs/ledger-format.md, contacts.person_no): with a person named, derived from their
 * 続柄, and a counterpart given alongside must agree; without one, the counterpart given. The
 * person must be one of the same case (an id from another case, even one the caller sees, is a
 * field error). Returns null after adding the field error.
 */
export async function contactPerson(
  tx: Db,
  tenantId: string,
  caseId: string,
  errors: FieldErrors,
  given: { personId: string | null; counterpart: Counterpart | null },
  /** Where the fields sit in the request ('firstContact.' at intake). */
  prefix = '',
): Promise<Counterpart | null> {
  if (!given.personId) {
    if (!given.counterpart) errors.add(`${prefix}counterpart`, COUNTERPART_REQUIRED)
    return given.counterpart
  }
  const person = await repo.findPerson(tx, tenantId, caseId, given.personId)
  if (!person) {
    errors.add(`${prefix}personId`, NOT_A_PERSON_OF_THE_CASE)
    return null
  }
  const derived = counterpartOf(person.row.relationship as Relationship)
  if (given.counterpart && given.counterpart !== derived) {
    errors.add(`${prefix}counterpart`, COUNTERPART_CONTRADICTS)
    return null
  }
  return derived
}
