import type { ContactMethod } from '#shared/codes.ts'
import type { createCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { textOrNull } from '#web/lib/form-errors.ts'

/** The intake conversation as the form holds it: text as typed until submit. */
export interface FirstContactValues {
  contactedOn: string
  time: string
  method: string
  minutes: string
  summary: string
  nextStep: string
  nextStepDueOn: string
  nextStepDueTime: string
}

export function emptyFirstContact(): FirstContactValues {
  return {
    contactedOn: '',
    time: '',
    method: '',
    minutes: '',
    summary: '',
    nextStep: '',
    nextStepDueOn: '',
    nextStepDueTime: '',
  }
}

/** The form's fields, keyed as the API names them (also the controls' ids). */
export const FIRST_CONTACT_LABELS = {
  'firstContact.contactedOn': '対応日',
  'firstContact.time': '時刻',
  'firstContact.method': '手法',
  'firstContact.minutes': '所要時間（分）',
  'firstContact.summary': '相談の内容',
  'firstContact.nextStep': '次の対応',
  'firstContact.nextStepDueOn': '次の対応の期日',
  'firstContact.nextStepDueTime': '次の対応の時刻',
} as const

type FirstContactBody = NonNullable<BodyOf<typeof createCase>['firstContact']>

/**
 * The body part; the 対象 is left to the server, which derives it from 相談者. An empty date
 * means the opening day.
 */
export function firstContactBody(v: FirstContactValues): FirstContactBody {
  return {
    contactedOn: textOrNull(v.contactedOn),
    time: textOrNull(v.time),
    method: v.method as ContactMethod,
    // Sent as typed: the server coerces and names a non-number in its error.
    minutes: textOrNull(v.minutes),
    summary: textOrNull(v.summary),
    nextStep: textOrNull(v.nextStep),
    nextStepDueOn: textOrNull(v.nextStepDueOn),
    nextStepDueTime: textOrNull(v.nextStepDueTime),
  }
}

/** Checks that need no round trip; the server checks everything again. */
export function checkFirstContact(v: FirstContactValues): Record<string, string> {
  return v.method ? {} : { 'firstContact.method': '手法を選択してください' }
}
