import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useWithdrawConsent } from '../api/withdraw-consent.ts'

const labels = { reason: '撤回の理由' } as const
const idOf = (field: string) => `consent-withdraw-${field}`

/** Records that the consent was withdrawn (or entered by mistake), after a confirmation step. */
export function WithdrawConsentForm({
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
  const [confirming, setConfirming] = useState(false)
  const withdraw = useWithdrawConsent(c.id)

  const review = (e: FormEvent) => {
    e.preventDefault()
    if (!reason.trim()) {
      setErrors({ fields: { reason: '撤回の理由を入力してください' } })
      return
    }
    setErrors(noErrors)
    setConfirming(true)
  }

  const confirm = () => {
    withdraw.mutate(
      { version: c.version, reason },
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
    return (
      <ConfirmPanel
        title="本人同意の撤回を記録します。よろしいですか？"
        confirmLabel="撤回を記録する"
        danger
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
        busy={withdraw.isPending}
      >
        <p>
          同意日（{c.consentOn ? formatWareki(c.consentOn) : ''}
          ）と補足を消去します。以後、支援調整会議では同意なしとして扱われます。
        </p>
        <p>消去した内容と理由は変更履歴に残ります。</p>
      </ConfirmPanel>
    )
  }

  return (
    <form noValidate onSubmit={review} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <TextareaField
        id={idOf('reason')}
        label={labels.reason}
        required
        support="例：本人から撤回の申出があった、誤って記録した"
        rows={3}
        maxLength={1000}
        value={reason}
        onValueChange={setReason}
        error={errors.fields.reason}
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
