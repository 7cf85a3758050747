import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { CASE_FIELD_LABELS } from '#web/lib/field-labels.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { useUpdateCase } from '../api/update-case.ts'
import { type CaseFormValues, changedBody, valuesFromCase } from '../case-form-values.ts'
import { CaseFieldset } from './case-fieldset.tsx'
import { SimilarCases } from './similar-cases.tsx'

const labels = { ...CASE_FIELD_LABELS, reason: '訂正の理由' }
const PREFIX = 'edit-'
const idOf = (field: string) => `${PREFIX}${field}`

/** 基本情報を訂正: sends only what changed; the history keeps the old values. */
export function CorrectCaseForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const [initial] = useState(() => valuesFromCase(c))
  const [values, setValues] = useState<CaseFormValues>(initial)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const update = useUpdateCase(c.id)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const changes = changedBody(initial, values)
    if (Object.keys(changes).length === 0) {
      setErrors({ fields: {}, general: '変更された項目がありません。' })
      return
    }
    setErrors(noErrors)
    update.mutate(
      { ...changes, version: c.version, reason: textOrNull(reason) },
      { onSuccess: onDone, onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-8">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <CaseFieldset
        values={values}
        onChange={setValues}
        errors={errors.fields}
        idPrefix={PREFIX}
        afterPerson={<SimilarCases values={values} excludeId={c.id} />}
      />
      <TextareaField
        id={idOf('reason')}
        label={labels.reason}
        support="何をなぜ訂正したかを残すと、後から経緯が分かります"
        maxLength={500}
        value={reason}
        onValueChange={setReason}
        error={errors.fields.reason}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? '保存しています…' : '訂正を保存する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
