import type { CareKind, PhoneLabel, Relationship } from '#shared/codes.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import type { addPerson, Person } from '#shared/contracts/people.ts'
import { parsePhone } from '#shared/phone.ts'
import { textOrNull } from '#web/lib/form-errors.ts'
import { boolOf, type YesNo, yesNoOf } from '#web/lib/yes-no.ts'

export interface PhoneFormValue {
  label: string
  number: string
}

export interface PersonFormValues {
  relationship: string
  consulter: boolean
  name: string
  kana: string
  age: string
  livesWith: YesNo
  phones: PhoneFormValue[]
  mail: string
  address: string
  bestTime: string
  mayNameCity: YesNo
  mayLeaveMessage: YesNo
  keepFromPerson: YesNo
  care: string[]
}

export const emptyPhone = (): PhoneFormValue => ({ label: '', number: '' })

export function emptyPersonValues(): PersonFormValues {
  return {
    relationship: '',
    consulter: true,
    name: '',
    kana: '',
    age: '',
    livesWith: '',
    phones: [emptyPhone()],
    mail: '',
    address: '',
    bestTime: '',
    mayNameCity: '',
    mayLeaveMessage: '',
    keepFromPerson: '',
    care: [],
  }
}

export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    relationship: p.relationship,
    consulter: p.consulter,
    name: p.name ?? '',
    kana: p.kana ?? '',
    age: p.age === null ? '' : String(p.age),
    livesWith: yesNoOf(p.livesWith),
    phones: p.phones.length
      ? p.phones.map((x) => ({ label: x.label ?? '', number: x.number }))
      : [emptyPhone()],
    mail: p.mail ?? '',
    address: p.address ?? '',
    bestTime: p.bestTime ?? '',
    mayNameCity: yesNoOf(p.mayNameCity),
    mayLeaveMessage: yesNoOf(p.mayLeaveMessage),
    keepFromPerson: yesNoOf(p.keepFromPerson),
    care: [...p.care],
  }
}

type PersonBody = BodyOf<typeof addPerson>

export function personBody(v: PersonFormValues): PersonBody {
  return {
    relationship: v.relationship as Relationship,
    consulter: v.consulter,
    name: textOrNull(v.name),
    kana: textOrNull(v.kana),
    // Sent as typed: the server coerces and names a non-number in its error.
    age: textOrNull(v.age) as unknown as number | null,
    livesWith: boolOf(v.livesWith),
    // A row left empty is no number; the rest are sent as typed (the server keeps them so).
    phones: v.phones
      .filter((p) => p.number.trim() !== '')
      .map((p) => ({ label: (p.label || null) as PhoneLabel | null, number: p.number })),
    mail: textOrNull(v.mail),
    address: textOrNull(v.address),
    bestTime: textOrNull(v.bestTime),
    mayNameCity: boolOf(v.mayNameCity),
    mayLeaveMessage: boolOf(v.mayLeaveMessage),
    keepFromPerson: boolOf(v.keepFromPerson),
    care: v.care as CareKind[],
  }
}

/** Only the changed fields, for a change (phones as the whole list when any of them changed). */
export function changedPersonBody(before: PersonFormValues, after: PersonFormValues): Partial<PersonBody> {
  const a = personBody(after)
  const b = personBody(before)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(a) as (keyof PersonBody)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = a[key]
  }
  return out as Partial<PersonBody>
}

/**
 * Checks that need no round trip, with the same phone rule as the server (shared/phone.ts);
 * a phone's error is keyed `phones.<row>` so that it sits under its own row.
 */
export function checkPerson(v: PersonFormValues): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!v.relationship) fields.relationship = '続柄を選択してください'
  v.phones.forEach((p, i) => {
    if (p.number.trim() === '') return
    const parsed = parsePhone(p.number)
    if (!parsed.ok) fields[`phones.${i}`] = parsed.message
  })
  return fields
}
