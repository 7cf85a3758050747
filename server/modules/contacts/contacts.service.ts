import type { z } from 'zod'
import { caseRecords } from '#server/modules/cases/index.ts'
import { contactPerson } from '#server/modules/people/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { changesBetween } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { refused } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type { Counterpart } from '#shared/codes.ts'
import type * as contract from '#shared/contracts/contacts.ts'
import { tokyoDate } from '#shared/dates.ts'
import { CONTACT_FIELDS, toContact } from './contacts.dto.ts'
import * as repo from './contacts.repository.ts'
import { checkNextStepDue } from './next-step-due.ts'
import { recordContact } from './record-contact.ts'

type AddInput = z.output<NonNullable<typeof contract.addContact.body>>
type CorrectInput = z.output<NonNullable<typeof contract.correctContact.body>>

export function createContactsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        await caseRecords.findReadable(tx, actor, caseId)
        const rows = await repo.findContactsOfCase(tx, actor.tenantId, caseId)
        await writeAudit(tx, actor, clock.now(), {
          action: 'contact.list',
          recordType: 'case',
          recordId: caseId,
          detail: { count: rows.length },
        })
        return rows.map(toContact)
      })
    },

    async add(actor: Actor, caseId: string, input: AddInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const theCase = await caseRecords.findRecordable(tx, actor, caseId, 'add')
        const errors = new FieldErrors()
        caseRecords.checkDate(errors, 'contactedOn', input.contactedOn, tokyoDate(now), theCase.openedOn)
        const staffId = input.staffId ?? actor.accountId
        await caseRecords.checkStaff(tx, errors, actor, staffId)
        checkNextStepDue(errors, input)
        const personId = input.personId ?? null
        const counterpart = await contactPerson(tx, actor.tenantId, caseId, errors, {
          personId,
          counterpart: input.counterpart ?? null,
        })
        errors.throwIfAny()
        return recordContact(tx, actor, now, caseId, {
          ...input,
          counterpart: counterpart!,
          personId,
          staffId,
          minutes: input.minutes ?? null,
        })
      })
    },

    /** Only the fields sent change; the case's history keeps each from → to with the reason. */
    async correct(actor: Actor, caseId: string, contactId: string, input: CorrectInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const theCase = await caseRecords.findRecordable(tx, actor, caseId, 'correct')
        const before = await repo.findContact(tx, actor.tenantId, caseId, contactId)
        if (!before) throw refused('contact', contactId)
        const { reason, ...sent } = input
        const after = Object.fromEntries(
          Object.entries(sent).filter(([, v]) => v !== undefined),
        ) as Partial<repo.ContactRow>
        const errors = new FieldErrors()
        if (after.contactedOn) {
          caseRecords.checkDate(errors, 'contactedOn', after.contactedOn, tokyoDate(now), theCase.openedOn)
        }
        if (after.staffId) await caseRecords.checkStaff(tx, errors, actor, after.staffId)
        checkNextStepDue(errors, { ...before, ...after })
        // The person (sent, or the one already named) decides 対象; without one, as sent or as was.
        if (after.personId !== undefined || after.counterpart !== undefined) {
          const personId = after.personId !== undefined ? after.personId : before.personId
          const counterpart = await contactPerson(tx, actor.tenantId, caseId, errors, {
            personId,
            counterpart: (after.counterpart ?? (personId ? null : before.counterpart)) as Counterpart | null,
          })
          if (counterpart) after.counterpart = counterpart
        }
        errors.throwIfAny()
        const changes = changesBetween(before, after, CONTACT_FIELDS, 'contact.')
        if (changes.length > 0) {
          // A staff member picked from the list replaces the ledger's name.
          const ledgerName = after.staffId ? { staffName: null } : {}
          await repo.updateContactRow(tx, actor.tenantId, contactId, {
            ...after,
            ...ledgerName,
            updatedAt: now,
          })
          await caseRecords.recordEvent(tx, actor, now, caseId, 'contact_corrected', changes, reason)
        }
        await writeAudit(tx, actor, now, {
          action: 'contact.correct',
          recordType: 'contact',
          recordId: contactId,
          detail: { caseId, fields: changes.map((c) => c.field.replace(/^contact\./, '')) },
        })
        return toContact((await repo.findContact(tx, actor.tenantId, caseId, contactId))!)
      })
    },
  }
}

export type ContactsService = ReturnType<typeof createContactsService>
