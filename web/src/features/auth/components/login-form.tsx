import { type FormEvent, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { callEndpoint } from '#web/lib/api-client.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { loginEndpoint } from '../login-endpoints.ts'

const labels = { loginId: 'ログインID', password: 'パスワード' } as const

/** Signs in with the password; the server may still ask for a second step ('totp' or 'enrol'). */
export function LoginForm({
  city,
  onSignedIn,
}: {
  /**
   * A deployment serving several cities: their staff sign in at /login?city=<id> (the link their
   * administrator gives them; logging out and a lost session come back to it); one city's
   * deployment needs no city at all.
   */
  city: string | undefined
  onSignedIn: (secondFactor: 'totp' | 'enrol' | null) => void
}) {
  const [loginId, setLoginId] = useState('')
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  // Plain state, not a query mutation: the login page's first load carries no query cache.
  const [pending, setPending] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pending) return
    setErrors(noErrors)
    // Left on after success: the next page is on its way.
    setPending(true)
    try {
      const res = await callEndpoint(loginEndpoint, {
        body: { loginId, password, ...(city ? { city } : {}) },
      })
      onSignedIn(res.secondFactor)
    } catch (error) {
      setPending(false)
      // The server words every refusal alike (unknown ID, wrong password, locked): shown as it is.
      setErrors(formErrorsFrom(error, Object.keys(labels)))
      setPassword('')
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-lg flex-col gap-6">
      <ErrorSummary
        title="ログインできませんでした"
        message={errors.general}
        errors={summaryOf(errors, labels)}
      />
      {city && <p className="text-std-16N-170">ログイン先の市：{city}</p>}
      <TextField
        id="loginId"
        label={labels.loginId}
        required
        value={loginId}
        onValueChange={setLoginId}
        autoComplete="username"
        spellCheck={false}
        autoCapitalize="off"
        error={errors.fields.loginId}
      />
      <TextField
        id="password"
        label={labels.password}
        type="password"
        required
        value={password}
        onValueChange={setPassword}
        autoComplete="current-password"
        error={errors.fields.password}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'ログインしています…' : 'ログイン'}
        </Button>
      </div>
    </form>
  )
}
