import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { formatWareki } from '#shared/dates.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useWardName, useWards } from '#web/lib/reference-data.ts'
import { useHandOverCase } from '../api/hand-over-case.ts'

const labels = { handedOverOn: '引継ぎ日', ward: '引継ぎ先の区', summary: 'アセスメントの要約' } as const
const idOf = (field: string) => `handover-${field}`

/** 区へ引継ぎ: hands the case to a ward centre, after a confirmation step. */
export function HandoverForm({
  c,
  onDone,
  onCancel,
}: {
  c: CaseDetail
  onDone: () => void
  onCancel: () => void
}) {
  const wards = useWards()
  const wardName = useWardName()
  const [handedOverOn, setHandedOverOn] = useState(todayText)
  const [ward, setWard] = useState(c.ward ?? '')
  const [summary, setSummary] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const handOver = useHandOverCase(c.id)

  const review = (e: FormEvent) => {
    e.preventDefault()
    const fields: Record<string, string> = {}
    if (!typedDate(handedOverOn)) fields.handedOverOn = INVALID_DATE_MESSAGE
    if (!ward) fields.ward = '引継ぎ先の区を選択してください'
    if (!summary.trim()) fields.summary = 'アセスメントの要約を入力してください'
    setErrors({ fields })
    if (Object.keys(fields).length === 0) setConfirming(true)
  }

  const confirm = () => {
    handOver.mutate(
      { version: c.version, handedOverOn, ward, summary },
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
    const iso = typedDate(handedOverOn)
    return (
      <ConfirmPanel
        title={`このケースを${wardName(ward)}へ引き継ぎます。よろしいですか？`}
        confirmLabel="引き継ぐ"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
        busy={handOver.isPending}
      >
        <p>引継ぎ日：{iso ? formatWareki(iso) : handedOverOn}</p>
        <p>引継ぎ後は、引継ぎ先の区の職員もこのケースを閲覧できるようになります。</p>
      </ConfirmPanel>
    )
  }

  return (
    <form noValidate onSubmit={review} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <DateField
        id={idOf('handedOverOn')}
        label={labels.handedOverOn}
        required
        value={handedOverOn}
        onValueChange={setHandedOverOn}
        error={errors.fields.handedOverOn}
      />
      <SelectField
        id={idOf('ward')}
        label={labels.ward}
        required
        support="本人の居住区の保健福祉センターへ引き継ぎます"
        emptyLabel="選択してください"
        options={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
        value={ward}
        onValueChange={setWard}
        error={errors.fields.ward}
      />
      <TextareaField
        id={idOf('summary')}
        label={labels.summary}
        required
        support="これまでの経過、本人・家族の状況、区で確認してほしいことなど"
        rows={8}
        maxLength={4000}
        value={summary}
        onValueChange={setSummary}
        error={errors.fields.summary}
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
