import { type FormEvent, useState } from 'react'
import type { InquirySettings } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useInquirySettings } from '../api/get-inquiry-settings.ts'
import { useUpdateInquirySettings } from '../api/update-inquiry-settings.ts'
import {
  type InquirySettingsField,
  type InquirySettingsValues,
  inquirySettingsBody,
  INQUIRY_SETTINGS_LABELS as L,
  valuesFromInquirySettings,
  wordNumberOfError,
} from '../inquiry-settings-values.ts'

const idOf = (field: string) => `inquiry-settings-${field}`

/** A refused word is reported on the words' field, saying which one. */
function errorsFrom(error: unknown): FormErrors {
  const errors = formErrorsFrom(error, Object.keys(L))
  if (!isApiError(error)) return errors
  for (const e of error.problem.errors ?? []) {
    const n = wordNumberOfError(e.field)
    if (n !== null) {
      // The first refused word, in place of the bare message the field got from its path.
      errors.fields.crisisWords = `${n}つ目の語句：${e.message}`
      break
    }
  }
  return errors
}

function Form({ initial }: { initial: InquirySettings }) {
  const [values, setValues] = useState<InquirySettingsValues>(() => valuesFromInquirySettings(initial))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useUpdateInquirySettings()
  const set = (name: InquirySettingsField) => (v: string) => setValues((old) => ({ ...old, [name]: v }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(inquirySettingsBody(values), {
      onSuccess: (saved) => setValues(valuesFromInquirySettings(saved)),
      onError: (error) => setErrors(errorsFrom(error)),
    })
  }

  const number = (name: Exclude<InquirySettingsField, 'crisisWords'>, support: string, unit: string) => (
    <TextField
      id={idOf(name)}
      label={L[name]}
      required
      support={support}
      inputMode="numeric"
      widthClass="w-28"
      autoComplete="off"
      value={values[name]}
      onValueChange={set(name)}
      error={errors.fields[name]}
      after={<span className="text-std-16N-170">{unit}</span>}
    />
  )

  return (
    <form noValidate onSubmit={submit} className="flex max-w-2xl flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, L, idOf)} />
      <TextareaField
        id={idOf('crisisWords')}
        label={L.crisisWords}
        required
        support="1行に1つ。相談のメッセージにこの語句が含まれると「緊急」の印をつけ、送信後の画面に相談先（組織設定の「緊急時の相談先」）を表示します。全角・半角の違いは区別しません（30文字以内、100個まで）。"
        rows={8}
        value={values.crisisWords}
        onValueChange={set('crisisWords')}
        error={errors.fields.crisisWords}
      />
      {number(
        'overdueHours',
        '相談者のメッセージに返信しないままこの時間が過ぎると「期限超過」と表示します（1〜720時間）',
        '時間',
      )}
      {number('idleCloseDays', 'この日数だれも書き込まなかった相談は自動で終了します（7〜3650日）', '日')}
      {number(
        'retentionDays',
        '終了からこの日数が過ぎた相談は、本文・ニックネーム・連絡先を消去します。件数の統計は残ります（30〜3650日）',
        '日',
      )}
      <div role="status" className="empty:hidden">
        {save.isSuccess && (
          <p className="text-std-16B-170 text-success-2">ウェブ相談の設定を保存しました。</p>
        )}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : 'ウェブ相談の設定を保存する'}
        </Button>
      </div>
    </form>
  )
}

/** The settings page's web consultation section (administrators). */
export function InquirySettingsSection() {
  const settings = useInquirySettings()
  return (
    <section aria-labelledby="inquiry-settings" className="mt-16">
      <h2 id="inquiry-settings" className="mb-6 text-std-24B-150">
        ウェブ相談
      </h2>
      {settings.isPending && <Loading what="ウェブ相談の設定" />}
      {settings.error && <QueryError error={settings.error} />}
      {settings.data && <Form initial={settings.data} />}
    </section>
  )
}
