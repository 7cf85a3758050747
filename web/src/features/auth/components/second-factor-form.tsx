import { type FormEvent, useEffect, useRef, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { callEndpoint } from '#web/lib/api-client.ts'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { verifyEndpoint } from '../login-endpoints.ts'

const labels = { code: '確認コード' } as const

/** The login's second step: the code from the authenticator app, or a recovery code. */
export function SecondFactorForm({
  onSignedIn,
  onRestart,
}: {
  onSignedIn: () => void
  /** The password step again (the waiting session ended). */
  onRestart: () => void
}) {
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  // Plain state, not a query mutation: the login page's first load carries no query cache.
  const [pending, setPending] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  // The password form was replaced by this one: keyboard and screen reader users start here.
  useEffect(() => heading.current?.focus(), [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setErrors(noErrors)
    // Left on after success: the next page is on its way.
    setPending(true)
    try {
      await callEndpoint(verifyEndpoint, { body: { code } })
      onSignedIn()
    } catch (error) {
      setPending(false)
      setCode('')
      if (isApiError(error) && error.status === 401) return onRestart()
      const found = formErrorsFrom(error, Object.keys(labels))
      const locked = isApiError(error) && error.status === 423
      setErrors(locked ? { fields: {}, general: error.message } : found)
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-lg flex-col gap-6">
      <h2 ref={heading} tabIndex={-1} className="text-std-24B-150 focus:outline-none">
        確認コードの入力（2段階認証）
      </h2>
      <ErrorSummary
        title="ログインできませんでした"
        message={errors.general}
        errors={summaryOf(errors, labels)}
      />
      <TextField
        id="code"
        label={labels.code}
        required
        value={code}
        onValueChange={setCode}
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="off"
        widthClass="w-56"
        support="認証アプリに表示されている6桁の数字を入力してください。スマートフォンが手元にない場合は、設定時に控えた回復コード（10文字）を入力できます。"
        error={errors.fields.code}
      />
      <div className="flex flex-wrap items-center gap-6">
        <Button type="submit" disabled={pending}>
          {pending ? '確認しています…' : '確認してログイン'}
        </Button>
        <Button type="button" variant="tertiary" onClick={onRestart}>
          ログインIDの入力に戻る
        </Button>
      </div>
    </form>
  )
}
