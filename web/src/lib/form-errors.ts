import type { SummaryError } from '#web/components/ui/error-summary.tsx'
import { isApiError } from './api-error.ts'

export const CONFLICT_MESSAGE = '他の職員が先に更新しました。画面を再読み込みしてください。'

/** Errors of one form: per field (keyed by the API's field name) and one for the whole form. */
export interface FormErrors {
  fields: Record<string, string>
  general?: string
}

export const noErrors: FormErrors = { fields: {} }

/**
 * The form field an API field path belongs to: the longest known prefix, so that `concerns.0`
 * is the concerns field while a nested part the form shows by itself (`firstContact.method`)
 * keeps its own control.
 */
function knownFieldOf(path: string, knownFields: readonly string[]): string | undefined {
  const segments = path.split('.')
  for (let n = segments.length; n > 0; n--) {
    const candidate = segments.slice(0, n).join('.')
    if (knownFields.includes(candidate)) return candidate
  }
  return undefined
}

/**
 * Turns a failed submit into form errors, each under the form field its path belongs to;
 * errors on fields the form does not show become the general message.
 */
export function formErrorsFrom(error: unknown, knownFields: readonly string[]): FormErrors {
  if (!isApiError(error)) return { fields: {}, general: '送信に失敗しました。もう一度お試しください。' }
  if (error.status === 409) return { fields: {}, general: CONFLICT_MESSAGE }
  const fields: Record<string, string> = {}
  const stray: string[] = []
  for (const e of error.problem.errors ?? []) {
    const field = knownFieldOf(e.field, knownFields)
    if (field) fields[field] ??= e.message
    else stray.push(e.message)
  }
  const hasFields = Object.keys(fields).length > 0
  const general = stray.length
    ? stray.join(' ')
    : hasFields
      ? undefined
      : (error.problem.detail ?? error.problem.title)
  return general ? { fields, general } : { fields }
}

/** Entries for the error summary, in the order the fields appear on the form. */
export function summaryOf(
  errors: FormErrors,
  labels: Readonly<Record<string, string>>,
  idOf: (field: string) => string = (f) => f,
): SummaryError[] {
  return Object.keys(labels)
    .filter((field) => errors.fields[field])
    .map((field) => ({ targetId: idOf(field), message: `${labels[field]}：${errors.fields[field]}` }))
}

/** Empty text means "not given" to the API; numbers stay text so the server reports bad input. */
export function textOrNull(value: string): string | null {
  const t = value.trim()
  return t === '' ? null : t
}
