import type { SupportActivity } from '#shared/codes.ts'
import type { Activity, addActivity } from '#shared/contracts/accompaniment.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { slashDate, todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, textOrNull } from '#web/lib/form-errors.ts'

export const ACTIVITY_LABELS = {
  doneOn: '実施日',
  kind: '支援内容',
  minutes: '所要時間（分）',
  note: '記録',
  reason: '訂正の理由',
} as const

export const OBSERVED_CHANGE_LABELS = { observedOn: '気づいた日', note: '本人の変化' } as const

export const PLAN_LABELS = {
  goals: '目標',
  goalNote: '目標の補足',
  progressSummary: '次回の会議に示す経過のまとめ',
} as const

export interface ActivityFormValues {
  doneOn: string
  kind: string
  minutes: string
  note: string
}

export function emptyActivityValues(): ActivityFormValues {
  return { doneOn: todayText(), kind: '', minutes: '', note: '' }
}

export function valuesFromActivity(a: Activity): ActivityFormValues {
  return {
    doneOn: slashDate(a.doneOn),
    kind: a.kind,
    minutes: a.minutes === null ? '' : String(a.minutes),
    note: a.note ?? '',
  }
}

type ActivityBody = BodyOf<typeof addActivity>

export function activityBody(v: ActivityFormValues): ActivityBody {
  return {
    doneOn: v.doneOn,
    kind: v.kind as SupportActivity,
    // Sent as typed: the server coerces and names a non-number in its error.
    minutes: textOrNull(v.minutes),
    note: textOrNull(v.note),
  }
}

/** Only the fields that changed, for a correction. */
export function changedActivityBody(
  before: ActivityFormValues,
  after: ActivityFormValues,
): Partial<ActivityBody> {
  const a = activityBody(after)
  const b = activityBody(before)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(a) as (keyof ActivityBody)[]) {
    if (a[key] !== b[key]) out[key] = a[key]
  }
  return out as Partial<ActivityBody>
}

/** Checks that need no round trip; the server validates everything again. */
export function checkActivity(v: ActivityFormValues): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!v.doneOn.trim()) fields.doneOn = '実施日を入力してください'
  if (!v.kind) fields.kind = '支援内容を選択してください'
  return fields
}

/**
 * Form errors of the support forms. A 409 here is not always a version conflict — the case may
 * have been closed or its lead withdrawn since the page was loaded — so the server's own
 * sentence is shown.
 */
export function supportErrorsFrom(error: unknown, knownFields: readonly string[]): FormErrors {
  if (isApiError(error) && error.status === 409) {
    return { fields: {}, general: error.problem.detail ?? error.problem.title }
  }
  return formErrorsFrom(error, knownFields)
}
