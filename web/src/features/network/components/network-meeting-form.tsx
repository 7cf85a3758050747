import { type FormEvent, useState } from 'react'
import { NETWORK_MEETING_KINDS } from '#shared/codes.ts'
import type { NetworkMeetingDetail } from '#shared/contracts/network.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { slashDate } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'

const LABELS = {
  kind: '会議の種類',
  title: '会議名',
  heldOn: '開催日',
  startTime: '開始時刻',
  place: '場所',
  note: '案内',
} as const

export interface NetworkMeetingValues {
  kind: string
  title: string
  heldOn: string
  startTime: string
  place: string
  note: string
}

export interface NetworkMeetingBody {
  kind: NetworkMeetingDetail['kind']
  title: string
  heldOn: string
  startTime: string | null
  place: string | null
  note: string | null
}

export const emptyNetworkMeeting: NetworkMeetingValues = {
  kind: '',
  title: '',
  heldOn: '',
  startTime: '',
  place: '',
  note: '',
}

export function valuesFromNetworkMeeting(m: NetworkMeetingDetail): NetworkMeetingValues {
  return {
    kind: m.kind,
    title: m.title,
    heldOn: slashDate(m.heldOn),
    startTime: m.startTime ?? '',
    place: m.place ?? '',
    note: m.note ?? '',
  }
}

/**
 * 全市の会議の予定・変更 (headquarters). `onSubmit` sends the body and reports a failure back,
 * so the server's field errors appear under each field.
 */
export function NetworkMeetingForm({
  idPrefix,
  initial,
  submitLabel,
  busy,
  kindLocked,
  onSubmit,
  onCancel,
}: {
  idPrefix: string
  initial: NetworkMeetingValues
  submitLabel: string
  busy: boolean
  /** A case-study meeting with shared cases keeps its kind. */
  kindLocked?: boolean
  onSubmit: (body: NetworkMeetingBody, onError: (error: unknown) => void) => void
  onCancel: () => void
}) {
  const idOf = (field: string) => `${idPrefix}-${field}`
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const set = (key: keyof NetworkMeetingValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    if (!values.kind) local.kind = '会議の種類を選択してください'
    if (!values.title.trim()) local.title = '会議名を入力してください'
    // Only what is missing is caught here; a date that is not real is the server's to say, so it
    // comes back with every other field's error at once instead of one round each.
    if (!values.heldOn.trim()) local.heldOn = '開催日を入力してください'
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    onSubmit(
      {
        kind: values.kind as NetworkMeetingBody['kind'],
        title: values.title.trim(),
        heldOn: values.heldOn.trim(),
        startTime: textOrNull(values.startTime),
        place: textOrNull(values.place),
        note: textOrNull(values.note),
      },
      (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      {kindLocked ? (
        <p className="text-std-16N-170">
          <span className="text-std-17B-170">{LABELS.kind}：</span>支援ミーティング
          （ケースが共有されているため変更できません）
        </p>
      ) : (
        <RadioGroup
          id={idOf('kind')}
          legend={LABELS.kind}
          required
          support="支援ミーティングでは、各区がケースを匿名の要約で共有して事例検討を行います。"
          choices={optionsOf(NETWORK_MEETING_KINDS)}
          value={values.kind}
          onValueChange={set('kind')}
          error={errors.fields.kind}
        />
      )}
      <TextField
        id={idOf('title')}
        label={LABELS.title}
        required
        maxLength={200}
        autoComplete="off"
        value={values.title}
        onValueChange={set('title')}
        error={errors.fields.title}
      />
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
      <TextareaField
        id={idOf('note')}
        label={LABELS.note}
        support="議題や持ち物など、出席者への案内。個人が分かることは書かないでください。"
        rows={3}
        maxLength={2000}
        value={values.note}
        onValueChange={set('note')}
        error={errors.fields.note}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={busy}>
          {busy ? '保存しています…' : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
