import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { slashDate, todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useRecordConsent } from '../api/record-consent.ts'

const labels = { consentOn: '同意日', consentNote: '同意の補足' } as const
const idOf = (field: string) => `consent-${field}`

/** Records (or corrects) the date the person agreed that the case may be shared with the meeting. */
export function ConsentForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const [consentOn, setConsentOn] = useState(c.consentOn ? slashDate(c.consentOn) : todayText())
  const [consentNote, setConsentNote] = useState(c.consentNote ?? '')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const record = useRecordConsent(c.id)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!typedDate(consentOn)) {
      setErrors({ fields: { consentOn: INVALID_DATE_MESSAGE } })
      return
    }
    setErrors(noErrors)
    record.mutate(
      { version: c.version, consentOn, consentNote },
      { onSuccess: onDone, onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <DateField
        id={idOf('consentOn')}
        label={labels.consentOn}
        required
        value={consentOn}
        onValueChange={setConsentOn}
        error={errors.fields.consentOn}
      />
      <TextareaField
        id={idOf('consentNote')}
        label={labels.consentNote}
        support="確認の方法（口頭・書面）、共有してよい範囲など"
        rows={3}
        maxLength={1000}
        value={consentNote}
        onValueChange={setConsentNote}
        error={errors.fields.consentNote}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={record.isPending}>
          {record.isPending ? '記録しています…' : '記録する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
