import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom } from '#web/lib/form-errors.ts'

/**
 * Form errors of the inbox's actions. A 409 here says what happened (a colleague claimed the
 * thread first, the thread was closed, it already has a case), so its own words are shown
 * instead of the generic "someone updated it first".
 */
export function inquiryErrorsFrom(error: unknown, knownFields: readonly string[]): FormErrors {
  if (isApiError(error) && error.status === 409 && error.problem.detail) {
    return { fields: {}, general: error.problem.detail }
  }
  return formErrorsFrom(error, knownFields)
}
