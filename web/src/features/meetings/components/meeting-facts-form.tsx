import { type FormEvent, useState } from 'react'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { slashDate } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import type { MeetingDetail } from '../meeting-types.ts'

const LABELS = { heldOn: '開催日', startTime: '開始時刻', place: '場所', chair: '議長' } as const

export interface MeetingFactsValues {
  heldOn: string
  startTime: string
  place: string
  chair: string
}

export interface MeetingFactsBody {
  heldOn: string
  startTime: string | null
  place: string | null
  chair: string | null
}

export function valuesFromMeeting(m: MeetingDetail): MeetingFactsValues {
  return {
    heldOn: slashDate(m.heldOn),
    startTime: m.startTime ?? '',
    place: m.place ?? '',
    chair: m.chair ?? '',
  }
}

/**
 * 開催日・開始時刻・場所・議長: the form to schedule a meeting and to change one. `submit` sends
 * the body and reports a failure back, so the server's field errors appear under each field.
 */
export function MeetingFactsForm({
  idPrefix,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  idPrefix: string
  initial: MeetingFactsValues
  submitLabel: string
  busy: boolean
  onSubmit: (body: MeetingFactsBody, onError: (error: unknown) => void) => void
  onCancel?: () => void
}) {
  const idOf = (field: string) => `${idPrefix}-${field}`
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const set = (key: keyof MeetingFactsValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    if (!values.heldOn.trim()) return setErrors({ fields: { heldOn: '開催日を入力してください' } })
    if (!typedDate(values.heldOn)) return setErrors({ fields: { heldOn: INVALID_DATE_MESSAGE } })
    setErrors(noErrors)
    onSubmit(
      {
        heldOn: values.heldOn.trim(),
        startTime: textOrNull(values.startTime),
        place: textOrNull(values.place),
        chair: textOrNull(values.chair),
      },
      (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <div className="flex flex-wrap gap-8">
        <DateField
          id={idOf('heldOn')}
          label={LABELS.heldOn}
          required
          value={values.heldOn}
          onValueChange={set('heldOn')}
          error={errors.fields.heldOn}
        />
        <TextField
          id={idOf('startTime')}
          label={LABELS.startTime}
          support="24時間制（例：14:00）"
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.startTime}
          onValueChange={set('startTime')}
          error={errors.fields.startTime}
        />
      </div>
      <TextField
        id={idOf('place')}
        label={LABELS.place}
        maxLength={200}
        autoComplete="off"
        value={values.place}
        onValueChange={set('place')}
        error={errors.fields.place}
      />
      <TextField
        id={idOf('chair')}
        label={LABELS.chair}
        support="通常は保健福祉センター長です。"
        maxLength={100}
        autoComplete="off"
        value={values.chair}
        onValueChange={set('chair')}
        error={errors.fields.chair}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" aria-disabled={busy || undefined}>
          {busy ? '保存しています…' : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            やめる
          </Button>
        )}
      </div>
    </form>
  )
}
