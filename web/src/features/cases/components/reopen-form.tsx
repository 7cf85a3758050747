import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useReopenCase } from '../api/reopen-case.ts'

const labels = { reason: '再開の理由' } as const
const idOf = (field: string) => `reopen-${field}`

/** 再開: brings a closed or handed-over case back to 継続対応中, with the reason on record. */
export function ReopenForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const reopen = useReopenCase(c.id)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!reason.trim()) {
      setErrors({ fields: { reason: '再開の理由を入力してください' } })
      return
    }
    setErrors(noErrors)
    reopen.mutate(
      { version: c.version, reason },
      { onSuccess: onDone, onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <TextareaField
        id={idOf('reason')}
        label={labels.reason}
        required
        support="例：本人から再度相談があった、区から差し戻しがあった"
        maxLength={1000}
        value={reason}
        onValueChange={setReason}
        error={errors.fields.reason}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={reopen.isPending}>
          {reopen.isPending ? '処理中…' : '再開する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
