import { dateOrMessage } from '#shared/contracts/common.ts'
import { parsePhone } from '#shared/phone.ts'
import type { FormErrors } from '#web/lib/form-errors.ts'
import type { CaseFormValues } from './case-form-values.ts'
import { type ConsulterValues, checkConsulter } from './consulter-values.ts'
import { checkFirstContact, type FirstContactValues } from './first-contact-values.ts'

/** A typed date's field message, read by the server's own rule; blank is for the caller to judge. */
function dateMessage(text: string): string | undefined {
  if (text.trim() === '') return undefined
  const read = dateOrMessage(text.trim())
  return 'message' in read ? read.message : undefined
}

/**
 * Every check of the intake form that needs no round trip, all at once: a counsellor who gets one
 * error per submit corrects the form field by field. Dates and the phone number are read by the
 * same shared rules as the server's (shared/typed-dates.ts, shared/phone.ts), so what passes here
 * is refused there only for what needs the store (an unknown ward, a stale account).
 * `wardRoute` is null where the form does not ask for it (the window).
 */
export function checkIntake(
  values: CaseFormValues,
  wardRoute: string | null,
  caller: ConsulterValues,
  first: FirstContactValues,
): FormErrors {
  const fields: Record<string, string> = { ...checkConsulter(caller), ...checkFirstContact(first) }
  if (wardRoute === '') fields.wardRoute = '新規ケース経路を選択してください'
  if (!values.openedOn.trim()) fields.openedOn = '受付日を入力してください'
  const openedOn = dateMessage(values.openedOn)
  if (openedOn) fields.openedOn = openedOn
  // The server derives 相談者 from the caller's 続柄.
  if (!values.firstConsulter && !caller.relationship) fields.firstConsulter = '相談者を選択してください'
  if (caller.phone.trim() !== '') {
    const phone = parsePhone(caller.phone)
    if (!phone.ok) fields['consulter.phones'] = phone.message
  }
  for (const key of ['contactedOn', 'nextStepDueOn'] as const) {
    const message = dateMessage(first[key])
    if (message) fields[`firstContact.${key}`] = message
  }
  return { fields }
}
