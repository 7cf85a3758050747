import type { FieldErrors } from '#server/platform/field-errors.ts'

export const DUE_TIME_WITHOUT_DATE = '時刻を入れるときは、次の対応の期日も入力してください'
export const DUE_BEFORE_CONTACT = '次の対応の期日は対応日以降の日付を入力してください'

/**
 * A next step's due date and time as they will be stored (after a correction, the contact's
 * values merged with what was sent). A time alone would be listed on no day, and a due date
 * before the contact itself is a slip of the pen, not a plan.
 */
export function checkNextStepDue(
  errors: FieldErrors,
  due: { contactedOn: string; nextStepDueOn: string | null; nextStepDueTime: string | null },
  /** Where the fields sit in the request ('firstContact.' at intake). */
  prefix = '',
) {
  if (due.nextStepDueTime && !due.nextStepDueOn) errors.add(`${prefix}nextStepDueTime`, DUE_TIME_WITHOUT_DATE)
  if (due.nextStepDueOn && due.nextStepDueOn < due.contactedOn)
    errors.add(`${prefix}nextStepDueOn`, DUE_BEFORE_CONTACT)
}
