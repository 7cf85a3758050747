import type { ContactMethod, Counterpart } from '#shared/codes.ts'
import type { addContact, Contact } from '#shared/contracts/contacts.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { slashDate, todayText } from '#web/lib/date-text.ts'
import { textOrNull } from '#web/lib/form-errors.ts'

export interface ContactFormValues {
  contactedOn: string
  time: string
  method: string
  /** 対象 when no person is picked (本人 without a record, a relative not listed, an agency). */
  counterpart: string
  /** 相手: one of the case's people; 対象 then follows from their 続柄 on the server. */
  personId: string
  staffId: string
  minutes: string
  summary: string
  nextStep: string
  nextStepDueOn: string
  nextStepDueTime: string
}

export function emptyContactValues(): ContactFormValues {
  return {
    contactedOn: todayText(),
    time: '',
    method: '',
    counterpart: '',
    personId: '',
    staffId: '',
    minutes: '',
    summary: '',
    nextStep: '',
    nextStepDueOn: '',
    nextStepDueTime: '',
  }
}

export function valuesFromContact(c: Contact): ContactFormValues {
  return {
    contactedOn: slashDate(c.contactedOn),
    time: c.time ?? '',
    method: c.method,
    counterpart: c.counterpart,
    personId: c.personId ?? '',
    staffId: c.staffId ?? '',
    minutes: c.minutes === null ? '' : String(c.minutes),
    summary: c.summary ?? '',
    nextStep: c.nextStep ?? '',
    nextStepDueOn: c.nextStepDueOn ? slashDate(c.nextStepDueOn) : '',
    nextStepDueTime: c.nextStepDueTime ?? '',
  }
}

/**
 * What a new contact starts with, taken from the case's last one: staff mostly keep talking with
 * the same person the same way, so 手法 and 相手 (or 対象) come preselected (and stay changeable).
 */
export function presetFromLast(last: Contact | undefined): Partial<ContactFormValues> {
  return last ? { method: last.method, counterpart: last.counterpart, personId: last.personId ?? '' } : {}
}

type ContactBody = BodyOf<typeof addContact>

export function contactBody(v: ContactFormValues): ContactBody {
  return {
    contactedOn: v.contactedOn,
    time: textOrNull(v.time),
    method: v.method as ContactMethod,
    // With a person picked, the server derives 対象; sending none avoids a stale contradiction.
    counterpart: v.personId ? null : (v.counterpart as Counterpart),
    personId: v.personId || null,
    staffId: v.staffId || null,
    // Sent as typed: the server coerces and names a non-number in its error.
    minutes: textOrNull(v.minutes),
    summary: textOrNull(v.summary),
    nextStep: textOrNull(v.nextStep),
    // Sent as typed (和暦 too): the server reads it with the same parser as the field.
    nextStepDueOn: textOrNull(v.nextStepDueOn),
    nextStepDueTime: textOrNull(v.nextStepDueTime),
  }
}

/** Only the changed fields, for a correction. */
export function changedContactBody(
  before: ContactFormValues,
  after: ContactFormValues,
): Partial<ContactBody> {
  const a = contactBody(after)
  const b = contactBody(before)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(a) as (keyof ContactBody)[]) {
    if (a[key] !== b[key]) out[key] = a[key]
  }
  return out as Partial<ContactBody>
}

/** Checks that need no round trip; the server validates everything again. */
export function checkContact(v: ContactFormValues): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!v.contactedOn.trim()) fields.contactedOn = '対応日を入力してください'
  if (!v.method) fields.method = '手法を選択してください'
  if (!v.counterpart && !v.personId) fields.counterpart = '相手を選択してください'
  if (v.nextStepDueTime.trim() && !v.nextStepDueOn.trim())
    fields.nextStepDueTime = '時刻を入れるときは、次の対応の期日も入力してください'
  return fields
}
