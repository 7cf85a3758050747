import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button.tsx'
import { ErrorSummary } from '../../../components/ui/error-summary.tsx'
import { TextField } from '../../../components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '../../../lib/form-errors.ts'
import { useUpdateSettings } from '../api/update-settings.ts'

const labels = { noContactDays: '対応なしとする日数' } as const

export function SettingsForm({ initial }: { initial: { noContactDays: number } }) {
  const [days, setDays] = useState(String(initial.noContactDays))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useUpdateSettings()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(
      { noContactDays: days.trim() },
      { onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-2xl flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels)} />
      <TextField
        id="noContactDays"
        label={labels.noContactDays}
        required
        support="作業一覧で「対応のないケース」として表示するまでの日数（1〜365日）"
        inputMode="numeric"
        widthClass="w-28"
        value={days}
        onValueChange={setDays}
        error={errors.fields.noContactDays}
        after={<span className="text-std-16N-170">日</span>}
      />
      <div role="status" className="empty:hidden">
        {save.isSuccess && <p className="text-std-16B-170 text-success-2">保存しました。</p>}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '保存する'}
        </Button>
      </div>
    </form>
  )
}
