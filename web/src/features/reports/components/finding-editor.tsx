import { type FormEvent, useState } from 'react'
import { FINDING_TEXT_MAX } from '#shared/contracts/report-findings.ts'
import type { Finding } from '#shared/contracts/reports.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { type FindingPeriod, useSaveFindingEdit } from '../api/finding-edits.ts'

const LABELS = { text: '所見の文' }

/**
 * Headquarters rewords one finding in place (DADS form: error summary, field message, then a
 * confirmation in the reading order). Only the sentence changes; its figures stay as counted,
 * which the confirmation says so nobody expects the numbers to follow the words.
 */
export function FindingEditor({
  finding,
  period,
  onDone,
}: {
  finding: Finding
  period: FindingPeriod
  onDone: (saved: boolean) => void
}) {
  const save = useSaveFindingEdit()
  const [text, setText] = useState(finding.text)
  const [confirming, setConfirming] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const fieldId = `finding-text-${finding.id.replace(/[^a-z0-9_-]/giu, '-')}`

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    setConfirming(true)
  }
  const confirm = () =>
    save.mutate(
      {
        params: { findingId: finding.id },
        body: { from: period.from, to: period.to, ...(period.ward ? { ward: period.ward } : {}), text },
      },
      {
        onSuccess: () => onDone(true),
        onError: (error) => {
          setConfirming(false)
          setErrors(formErrorsFrom(error, Object.keys(LABELS)))
        },
      },
    )

  if (confirming) {
    return (
      <ConfirmPanel
        title="この文で所見を保存しますか"
        confirmLabel="保存する"
        busy={save.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="whitespace-pre-wrap">{text.trim()}</p>
        <p className="mt-2">
          この期間のレポート（画面・Excel・印刷）の文が置き換わります。分子・分母・割合の値は変わりません。編集の履歴は残ります。
        </p>
      </ConfirmPanel>
    )
  }
  return (
    <form noValidate onSubmit={submit} className="mt-2 flex flex-col gap-4">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, () => fieldId)} />
      <TextareaField
        id={fieldId}
        label={LABELS.text}
        required
        rows={3}
        value={text}
        onValueChange={setText}
        error={errors.fields.text}
        support={`${FINDING_TEXT_MAX}文字以内。数値を変えても集計の値は変わりません。`}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit">確認へ進む</Button>
        <Button variant="secondary" onClick={() => onDone(false)}>
          編集をやめる
        </Button>
      </div>
    </form>
  )
}
