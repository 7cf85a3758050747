import { type FormEvent, useState } from 'react'
import { SEMINAR_KINDS, type SeminarDetail } from '#shared/contracts/seminars.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField, RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { slashDate } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import type { SeminarBody } from '../api/change-seminars.ts'
import { useFollowUpSurveys } from '../api/read-seminars.ts'

const LABELS = {
  kind: '種類',
  title: '名称',
  theme: 'テーマ',
  heldOn: '開催日',
  startTime: '開始時刻',
  endTime: '終了時刻',
  place: '会場',
  online: 'オンライン開催',
  capacity: '定員（人）',
  audience: '対象',
  followUpSurveyId: '事後アンケート',
} as const

export interface SeminarValues {
  kind: string
  title: string
  theme: string
  heldOn: string
  startTime: string
  endTime: string
  place: string
  online: boolean
  capacity: string
  audience: string
  followUpSurveyId: string
}

export const emptySeminar: SeminarValues = {
  kind: '',
  title: '',
  theme: '',
  heldOn: '',
  startTime: '',
  endTime: '',
  place: '',
  online: false,
  capacity: '',
  audience: 'ひきこもり状態にある方のご家族',
  followUpSurveyId: '',
}

export function valuesFromSeminar(s: SeminarDetail): SeminarValues {
  return {
    kind: s.kind,
    title: s.title,
    theme: s.theme ?? '',
    heldOn: slashDate(s.heldOn),
    startTime: s.startTime,
    endTime: s.endTime ?? '',
    place: s.place ?? '',
    online: s.online,
    capacity: String(s.capacity),
    audience: s.audience ?? '',
    followUpSurveyId: s.followUpSurvey?.id ?? '',
  }
}

/**
 * 研修会・家族教室の登録と変更 (the organiser). `onSubmit` sends the body and reports a failure
 * back, so the server's field errors (定員 below the confirmed families, …) appear under each field.
 */
export function SeminarForm({
  idPrefix,
  initial,
  submitLabel,
  busy,
  onSubmit,
  onCancel,
}: {
  idPrefix: string
  initial: SeminarValues
  submitLabel: string
  busy: boolean
  onSubmit: (body: SeminarBody, onError: (error: unknown) => void) => void
  onCancel: () => void
}) {
  const idOf = (field: string) => `${idPrefix}-${field}`
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const surveys = useFollowUpSurveys(true)
  const set = (key: keyof SeminarValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    if (!values.kind) local.kind = '種類を選択してください'
    if (!values.title.trim()) local.title = '名称を入力してください'
    // Only what is missing is caught here; a date that is not real is the server's to say, so it
    // comes back with every other field's error at once instead of one round each.
    if (!values.heldOn.trim()) local.heldOn = '開催日を入力してください'
    if (!values.startTime.trim()) local.startTime = '開始時刻を入力してください'
    if (!values.capacity.trim()) local.capacity = '定員を数字で入力してください'
    if (!values.place.trim() && !values.online)
      local.place = '会場を入力するか、オンライン開催を選択してください'
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    onSubmit(
      {
        kind: values.kind as SeminarBody['kind'],
        title: values.title.trim(),
        theme: textOrNull(values.theme),
        heldOn: values.heldOn.trim(),
        startTime: values.startTime.trim(),
        endTime: textOrNull(values.endTime),
        place: textOrNull(values.place),
        online: values.online,
        // Full-width digits are read as numbers too (１２ → 12); the server checks the range.
        capacity: values.capacity.trim().normalize('NFKC') as unknown as number,
        audience: textOrNull(values.audience),
        followUpSurveyId: values.followUpSurveyId || null,
      },
      (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <RadioGroup
        id={idOf('kind')}
        legend={LABELS.kind}
        required
        support="家族教室・家族会は、同じ家族が続けて集まる会です。回ごとに登録してください。"
        choices={optionsOf(SEMINAR_KINDS)}
        value={values.kind}
        onValueChange={set('kind')}
        error={errors.fields.kind}
      />
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
      <TextField
        id={idOf('theme')}
        label={LABELS.theme}
        maxLength={500}
        autoComplete="off"
        value={values.theme}
        onValueChange={set('theme')}
        error={errors.fields.theme}
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
          required
          support="24時間制（例：14:00）"
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.startTime}
          onValueChange={set('startTime')}
          error={errors.fields.startTime}
        />
        <TextField
          id={idOf('endTime')}
          label={LABELS.endTime}
          support="24時間制（例：16:00）"
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.endTime}
          onValueChange={set('endTime')}
          error={errors.fields.endTime}
        />
      </div>
      <TextField
        id={idOf('place')}
        label={LABELS.place}
        maxLength={200}
        autoComplete="off"
        support="オンラインのみの場合は空欄にして、下の「オンライン開催」を選んでください。"
        value={values.place}
        onValueChange={set('place')}
        error={errors.fields.place}
      />
      <CheckboxField
        id={idOf('online')}
        label="オンラインで開催する（参加方法は申込みの方に別途連絡）"
        checked={values.online}
        onCheckedChange={(online) => setValues((v) => ({ ...v, online }))}
      />
      <TextField
        id={idOf('capacity')}
        label={LABELS.capacity}
        required
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        support="人数で数えます（2人で申し込むと2人分）。定員を超えた申込みはキャンセル待ちになります。"
        value={values.capacity}
        onValueChange={set('capacity')}
        error={errors.fields.capacity}
      />
      <TextField
        id={idOf('audience')}
        label={LABELS.audience}
        maxLength={200}
        autoComplete="off"
        value={values.audience}
        onValueChange={set('audience')}
        error={errors.fields.audience}
      />
      <SelectField
        id={idOf('followUpSurveyId')}
        label={LABELS.followUpSurveyId}
        emptyLabel="なし"
        support="終了後に参加した家族へお願いするアンケート（アンケートのページで作成したもの）。"
        options={(surveys.data ?? []).map((s) => ({ value: s.id, label: s.title }))}
        value={values.followUpSurveyId}
        onValueChange={set('followUpSurveyId')}
        error={errors.fields.followUpSurveyId}
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
