import { type FormEvent, useState } from 'react'
import { SUPPORT_ACTIVITIES } from '#shared/codes.ts'
import type { Activity } from '#shared/contracts/accompaniment.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useAddActivity } from '../api/add-activity.ts'
import { useCorrectActivity } from '../api/correct-activity.ts'
import {
  type ActivityFormValues,
  activityBody,
  changedActivityBody,
  checkActivity,
  emptyActivityValues,
  ACTIVITY_LABELS as L,
  supportErrorsFrom,
  valuesFromActivity,
} from '../support-form-values.ts'

export interface ActivityFormProps {
  caseId: string
  /** The activity being corrected; without it the form records a new one. */
  activity?: Activity
  onDone: () => void
  onCancel: () => void
}

/** 支援内容を記録 and 訂正 share one form; a correction sends only what changed, with a reason. */
export function ActivityForm({ caseId, activity, onDone, onCancel }: ActivityFormProps) {
  const prefix = activity ? `activity-${activity.id}-` : 'activity-'
  const idOf = (field: string) => `${prefix}${field}`
  const [initial] = useState(() => (activity ? valuesFromActivity(activity) : emptyActivityValues()))
  const [values, setValues] = useState<ActivityFormValues>(initial)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const add = useAddActivity(caseId)
  const correct = useCorrectActivity(caseId, activity?.id ?? '')
  const pending = add.isPending || correct.isPending
  const set = (key: keyof ActivityFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local = checkActivity(values)
    if (activity && !reason.trim()) local.reason = '訂正の理由を入力してください'
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    const onError = (error: unknown) => setErrors(supportErrorsFrom(error, Object.keys(L)))
    if (!activity) {
      add.mutate(activityBody(values), { onSuccess: onDone, onError })
      return
    }
    const changes = changedActivityBody(initial, values)
    if (Object.keys(changes).length === 0)
      return setErrors({ fields: {}, general: '変更された項目がありません。' })
    correct.mutate({ ...changes, reason: reason.trim() }, { onSuccess: onDone, onError })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, L, idOf)} />
      <DateField
        id={idOf('doneOn')}
        label={L.doneOn}
        required
        value={values.doneOn}
        onValueChange={set('doneOn')}
        error={errors.fields.doneOn}
      />
      <RadioGroup
        id={idOf('kind')}
        legend={L.kind}
        required
        choices={optionsOf(SUPPORT_ACTIVITIES)}
        value={values.kind}
        onValueChange={set('kind')}
        error={errors.fields.kind}
      />
      <TextField
        id={idOf('minutes')}
        label={L.minutes}
        support="0〜1440分"
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={values.minutes}
        onValueChange={set('minutes')}
        error={errors.fields.minutes}
      />
      <TextareaField
        id={idOf('note')}
        label={L.note}
        rows={5}
        maxLength={4000}
        value={values.note}
        onValueChange={set('note')}
        error={errors.fields.note}
      />
      {activity && (
        <TextareaField
          id={idOf('reason')}
          label={L.reason}
          required
          rows={2}
          maxLength={500}
          value={reason}
          onValueChange={setReason}
          error={errors.fields.reason}
        />
      )}
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? '保存しています…' : activity ? '訂正を保存する' : '支援内容を記録する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
