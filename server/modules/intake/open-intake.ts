import type { z } from 'zod'
import type * as contract from '../../../shared/contracts/cases.ts'
import { tokyoDate } from '../../../shared/dates.ts'
import { counterpartOfFirstConsulter, firstConsulterOfCounterpart } from '../../../shared/first-consulter.ts'
import type { Actor } from '../../platform/actor.ts'
import type { AppDeps } from '../../platform/deps.ts'
import { caseRecords, FieldErrors, openCase } from '../cases/index.ts'
import { checkNextStepDue, recordContact } from '../contacts/index.ts'

type IntakeInput = z.output<NonNullable<typeof contract.createCase.body>>

export const FIRST_CONSULTER_REQUIRED = '相談者を選択してください'

/**
 * Opens a case and records the conversation that opened it as its first contact, in one
 * transaction: any field error anywhere writes nothing. The counsellor says who called once;
 * the case's 相談者 and the contact's 対象 follow from each other unless both are given.
 */
export function createIntakeService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async open(actor: Actor, input: IntakeInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        const errors = new FieldErrors()
        const { firstContact, firstConsulter: stated, ...caseInput } = input
        const firstConsulter =
          stated ?? (firstContact?.counterpart ? firstConsulterOfCounterpart(firstContact.counterpart) : null)
        if (!firstConsulter) errors.add('firstConsulter', FIRST_CONSULTER_REQUIRED)
        const contactedOn = firstContact?.contactedOn ?? input.openedOn
        if (firstContact) {
          const today = tokyoDate(now)
          caseRecords.checkDate(errors, 'firstContact.contactedOn', contactedOn, today, input.openedOn)
          checkNextStepDue(errors, { ...firstContact, contactedOn }, 'firstContact.')
        }
        // openCase reports every error collected so far and writes nothing while there are any,
        // so 'other' never stands in for a missing first consulter in a stored case.
        const opened = await openCase(
          tx,
          actor,
          now,
          { ...caseInput, firstConsulter: firstConsulter ?? 'other' },
          errors,
        )
        const contact =
          firstContact &&
          (await recordContact(tx, actor, now, opened.id, {
            ...firstContact,
            contactedOn,
            counterpart: firstContact.counterpart ?? counterpartOfFirstConsulter(firstConsulter!),
            staffId: opened.staffId,
            minutes: firstContact.minutes ?? null,
          }))
        return { ...(await caseRecords.detail(tx, actor, opened.id)), firstContact: contact ?? null }
      })
    },
  }
}
