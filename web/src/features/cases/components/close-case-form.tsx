import { type FormEvent, useState } from 'react'
import { CLOSURE_REASONS, type ClosureReason, labelOf } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { formatWareki } from '#shared/dates.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useCloseCase } from '../api/close-case.ts'

const labels = { closedOn: '終結日', closureReason: '終結理由', note: '補足' } as const
const idOf = (field: string) => `close-${field}`

/** 終結: asks the date and reason, then a confirmation step before anything is saved. */
export function CloseCaseForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const [closedOn, setClosedOn] = useState(todayText)
  const [closureReason, setClosureReason] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const close = useCloseCase(c.id)

  const review = (e: FormEvent) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!typedDate(closedOn)) fields.closedOn = INVALID_DATE_MESSAGE
    if (!closureReason) fields.closureReason = '終結理由を選択してください'
    setErrors({ fields })
    if (Object.keys(fields).length === 0) setConfirming(true)
  }

  const confirm = () => {
    close.mutate(
      { version: c.version, closedOn, closureReason: closureReason as ClosureReason, note: textOrNull(note) },
      {
        onSuccess: onDone,
        onError: (error) => {
          setConfirming(false)
          setErrors(formErrorsFrom(error, Object.keys(labels)))
        },
      },
    )
  }

  if (confirming) {
    const iso = typedDate(closedOn)
    return (
      <ConfirmPanel
        title="このケースを終結します。よろしいですか？"
        confirmLabel="終結する"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
        busy={close.isPending}
      >
        <p>
          終結日：{iso ? formatWareki(iso) : closedOn}
          <br />
          終結理由：{labelOf(CLOSURE_REASONS, closureReason as ClosureReason)}
        </p>
      </ConfirmPanel>
    )
  }

  return (
    <form noValidate onSubmit={review} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <DateField
        id={idOf('closedOn')}
        label={labels.closedOn}
        required
        value={closedOn}
        onValueChange={setClosedOn}
        error={errors.fields.closedOn}
      />
      <RadioGroup
        id={idOf('closureReason')}
        legend={labels.closureReason}
        required
        choices={optionsOf(CLOSURE_REASONS)}
        value={closureReason}
        onValueChange={setClosureReason}
        error={errors.fields.closureReason}
      />
      <TextareaField
        id={idOf('note')}
        label={labels.note}
        value={note}
        onValueChange={setNote}
        error={errors.fields.note}
        maxLength={2000}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit">確認へ進む</Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
