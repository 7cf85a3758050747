import { type FormEvent, useState } from 'react'
import { REFERRAL_OUTCOMES } from '#shared/codes.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import type { Referral } from '#shared/contracts/resources.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { slashDate, todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useUpdateReferral } from '../api/update-referral.ts'

const LABELS = { outcome: '結果', outcomeOn: '結果の日付', note: 'メモ' } as const

/** 結果を記録: つながった / 利用に至らず need the date it became known; 調整中 has none. */
export function ReferralOutcomeForm({
  caseId,
  referral,
  onDone,
  onCancel,
}: {
  caseId: string
  referral: Referral
  onDone: () => void
  onCancel: () => void
}) {
  const idOf = (field: string) => `referral-${referral.id}-${field}`
  const [outcome, setOutcome] = useState<string>(referral.outcome)
  const [outcomeOn, setOutcomeOn] = useState(referral.outcomeOn ? slashDate(referral.outcomeOn) : todayText())
  const [note, setNote] = useState(referral.note ?? '')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const update = useUpdateReferral(caseId, referral.id)
  const needsDate = outcome !== 'arranging'

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (needsDate && !outcomeOn.trim())
      return setErrors({ fields: { outcomeOn: '結果の日付を入力してください' } })
    if (needsDate && !typedDate(outcomeOn)) return setErrors({ fields: { outcomeOn: INVALID_DATE_MESSAGE } })
    setErrors(noErrors)
    update.mutate(
      {
        outcome: outcome as Referral['outcome'],
        outcomeOn: needsDate ? outcomeOn.trim() : null,
        note: note.trim(),
      },
      { onSuccess: onDone, onError: (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <RadioGroup
        id={idOf('outcome')}
        legend={LABELS.outcome}
        required
        choices={optionsOf(REFERRAL_OUTCOMES)}
        value={outcome}
        onValueChange={setOutcome}
        error={errors.fields.outcome}
      />
      {needsDate && (
        <DateField
          id={idOf('outcomeOn')}
          label={LABELS.outcomeOn}
          required
          support="結果が分かった日を「2021/8/31」「R3.8.31」のように入力してください"
          value={outcomeOn}
          onValueChange={setOutcomeOn}
          error={errors.fields.outcomeOn}
        />
      )}
      <TextareaField
        id={idOf('note')}
        label={LABELS.note}
        rows={3}
        maxLength={1000}
        value={note}
        onValueChange={setNote}
        error={errors.fields.note}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? '保存しています…' : '結果を保存する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
