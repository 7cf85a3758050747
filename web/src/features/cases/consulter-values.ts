import type { PhoneLabel, Relationship } from '#shared/codes.ts'
import type { createCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { textOrNull } from '#web/lib/form-errors.ts'
import { boolOf, type YesNo } from '#web/lib/yes-no.ts'

/** Who called, as the intake form holds it: one phone number (more go on the case page). */
export interface ConsulterValues {
  relationship: string
  name: string
  kana: string
  age: string
  livesWith: YesNo
  phoneLabel: string
  phone: string
  mayNameCity: YesNo
  mayLeaveMessage: YesNo
  keepFromPerson: YesNo
}

export function emptyConsulter(): ConsulterValues {
  return {
    relationship: '',
    name: '',
    kana: '',
    age: '',
    livesWith: '',
    phoneLabel: '',
    phone: '',
    mayNameCity: '',
    mayLeaveMessage: '',
    keepFromPerson: '',
  }
}

/** Keyed as the API names the fields (also the controls' ids). */
export const CONSULTER_LABELS = {
  'consulter.relationship': '続柄',
  'consulter.name': '相談者の氏名',
  'consulter.kana': '相談者のふりがな',
  'consulter.age': '相談者の年齢',
  'consulter.livesWith': '本人との同居',
  'consulter.phones': '電話番号',
  'consulter.mayNameCity': '市役所名を名乗ってよいか',
  'consulter.mayLeaveMessage': '留守電に残してよいか',
  'consulter.keepFromPerson': '本人に知られないようにするか',
} as const

/** Nothing entered means nobody is recorded (the caller may be unknown or the person). */
export function consulterEntered(v: ConsulterValues): boolean {
  return Object.values(v).some((x) => x !== '')
}

type ConsulterBody = NonNullable<BodyOf<typeof createCase>['consulter']>

export function consulterBody(v: ConsulterValues): ConsulterBody | null {
  if (!consulterEntered(v)) return null
  const phone = textOrNull(v.phone)
  return {
    relationship: v.relationship as Relationship,
    name: textOrNull(v.name),
    kana: textOrNull(v.kana),
    // Sent as typed: the server coerces and names a non-number in its error.
    age: textOrNull(v.age),
    livesWith: boolOf(v.livesWith),
    phones: phone ? [{ label: (v.phoneLabel || null) as PhoneLabel | null, number: phone }] : [],
    mayNameCity: boolOf(v.mayNameCity),
    mayLeaveMessage: boolOf(v.mayLeaveMessage),
    keepFromPerson: boolOf(v.keepFromPerson),
  }
}

/** Checks that need no round trip; the server checks everything again. */
export function checkConsulter(v: ConsulterValues): Record<string, string> {
  return consulterEntered(v) && !v.relationship ? { 'consulter.relationship': '続柄を選択してください' } : {}
}
