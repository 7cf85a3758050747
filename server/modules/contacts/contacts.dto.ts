import { labelOf, RELATIONSHIPS, type Relationship } from '#shared/codes.ts'
import type { Contact } from '#shared/contracts/contacts.ts'
import type { ContactView } from './contacts.repository.ts'

/** The staff member's current account name, or the ledger's name for imported contacts. */
export function toContact(c: ContactView): Contact {
  return {
    id: c.id,
    caseId: c.caseId,
    contactedOn: c.contactedOn,
    time: c.time,
    method: c.method as Contact['method'],
    counterpart: c.counterpart as Contact['counterpart'],
    personId: c.personId,
    personName: c.personId
      ? (c.personName ?? labelOf(RELATIONSHIPS, c.personRelationship as Relationship | null))
      : null,
    staffId: c.staffId,
    staffName: c.staffId ? (c.accountName ?? c.staffName) : c.staffName,
    minutes: c.minutes,
    summary: c.summary,
    nextStep: c.nextStep,
    nextStepDueOn: c.nextStepDueOn,
    nextStepDueTime: c.nextStepDueTime,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}

/** The fields of a contact as its case's history names them (prefixed 'contact.'). */
export const CONTACT_FIELDS = [
  'contactedOn',
  'time',
  'method',
  'counterpart',
  'personId',
  'staffId',
  'minutes',
  'summary',
  'nextStep',
  'nextStepDueOn',
  'nextStepDueTime',
] as const
