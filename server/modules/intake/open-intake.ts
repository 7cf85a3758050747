import type { z } from 'zod'
import { caseRecords, openCase } from '#server/modules/cases/index.ts'
import { checkNextStepDue, recordContact } from '#server/modules/contacts/index.ts'
import { addPerson } from '#server/modules/people/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import type * as contract from '#shared/contracts/cases.ts'
import { COUNTERPART_CONTRADICTS, counterpartOf } from '#shared/counterpart.ts'
import { tokyoDate } from '#shared/dates.ts'
import {
  counterpartOfFirstConsulter,
  firstConsulterOfCounterpart,
  firstConsulterOfRelationship,
} from '#shared/first-consulter.ts'

type IntakeInput = z.output<NonNullable<typeof contract.createCase.body>>

export const FIRST_CONSULTER_REQUIRED = '相談者を選択してください'

/**
 * Who called, said once: the consulter's 続柄 gives the case's 相談者 and the contact's 対象;
 * without a consulter, 相談者 and 対象 follow from each other. What is stated wins, except a
 * 対象 that contradicts the consulter's 続柄 (the contact names that consulter).
 */
function whoCalled(input: IntakeInput, errors: FieldErrors) {
  const relationship = input.consulter?.relationship
  const stated = input.firstContact?.counterpart ?? null
  const firstConsulter =
    input.firstConsulter ??
    (relationship ? firstConsulterOfRelationship(relationship) : null) ??
    (stated ? firstConsulterOfCounterpart(stated) : null)
  if (!firstConsulter) errors.add('firstConsulter', FIRST_CONSULTER_REQUIRED)
  const implied = relationship ? counterpartOf(relationship) : null
  if (stated && implied && stated !== implied) errors.add('firstContact.counterpart', COUNTERPART_CONTRADICTS)
  // 'other' only stands in when an error is already reported, and then nothing is written.
  const counterpart = stated ?? implied ?? counterpartOfFirstConsulter(firstConsulter ?? 'other')
  return { firstConsulter: firstConsulter ?? 'other', counterpart }
}

/**
 * Opens a case with the conversation that opened it, in one transaction: the case, the one who
 * called (a consulter, through the people module) and the first contact naming them (through
 * the contacts module). Any field error anywhere writes nothing.
 */
export function createIntakeService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async open(actor: Actor, input: IntakeInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const errors = new FieldErrors()
        const { firstContact, consulter: caller, firstConsulter: _stated, ...caseInput } = input
        const who = whoCalled(input, errors)
        const contactedOn = firstContact?.contactedOn ?? input.openedOn
        if (firstContact) {
          const today = tokyoDate(now)
          caseRecords.checkDate(errors, 'firstContact.contactedOn', contactedOn, today, input.openedOn)
          checkNextStepDue(errors, { ...firstContact, contactedOn }, 'firstContact.')
        }
        // openCase reports every error collected so far and writes nothing while there are any.
        const opened = await openCase(
          tx,
          actor,
          now,
          { ...caseInput, firstConsulter: who.firstConsulter },
          errors,
        )
        const consulter = caller ? await addPerson(tx, actor, now, opened.id, caller) : null
        const contact =
          firstContact &&
          (await recordContact(tx, actor, now, opened.id, {
            ...firstContact,
            contactedOn,
            counterpart: who.counterpart,
            personId: consulter?.id ?? null,
            staffId: opened.staffId,
            minutes: firstContact.minutes ?? null,
          }))
        return {
          ...(await caseRecords.detail(tx, actor, opened.id)),
          firstContact: contact ?? null,
          consulter,
        }
      })
    },
  }
}
