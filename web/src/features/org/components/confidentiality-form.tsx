import { type FormEvent, useState } from 'react'
import { addConfidentialityText, type OrgSettings } from '#shared/contracts/org-settings.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useOrgChange } from '../api/org-settings.ts'

const LABELS = { body: '守秘義務の文面' }

/**
 * The confidentiality text agencies acknowledge. Saving makes a new version (confirmed first):
 * acknowledgements already given keep the version they agreed to.
 */
export function ConfidentialityForm({ current }: { current: OrgSettings['confidentiality'] }) {
  const save = useOrgChange(addConfidentialityText)
  const [body, setBody] = useState(current?.body ?? '')
  const [confirming, setConfirming] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setConfirming(true)
  }
  const confirm = () =>
    save.mutate(
      { body: { body } },
      {
        onSuccess: () => setConfirming(false),
        onError: (error) => {
          setConfirming(false)
          setErrors(formErrorsFrom(error, Object.keys(LABELS)))
        },
      },
    )

  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170">
        {current
          ? `現在の文面：第${current.version}版`
          : 'まだ文面がありません。関係機関の確認には、文面の版が記録されません。'}
      </p>
      {confirming ? (
        <ConfirmPanel
          title={`守秘義務の文面を第${(current?.version ?? 0) + 1}版として保存しますか`}
          confirmLabel="新しい版として保存する"
          busy={save.isPending}
          onConfirm={confirm}
          onCancel={() => setConfirming(false)}
        >
          これからの確認は新しい版で記録されます。これまでの確認は、確認した版のまま残ります。
        </ConfirmPanel>
      ) : (
        <form noValidate onSubmit={submit} className="flex flex-col gap-4">
          <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS)} />
          <TextareaField
            id="body"
            label={LABELS.body}
            required
            rows={6}
            value={body}
            onValueChange={setBody}
            error={errors.fields.body}
          />
          <div role="status" className="empty:hidden">
            {save.isSuccess && <p className="text-std-16B-170 text-success-2">新しい版を保存しました。</p>}
          </div>
          <div>
            <Button type="submit">新しい版として保存する</Button>
          </div>
        </form>
      )}
    </div>
  )
}
