import { useEffect, useState } from 'react'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { LoginForm } from '#web/features/auth/components/login-form.tsx'
import { SecondFactorForm } from '#web/features/auth/components/second-factor-form.tsx'
import { sessionEndpoint } from '#web/features/auth/login-endpoints.ts'
import { callEndpoint } from '#web/lib/api-client.ts'
import { type LoginSearch, safeRedirect } from './login-search.ts'

/**
 * The login page, with React alone (no router, no query cache): it is both a fresh load of
 * /login (login-main.tsx) and the app's /login route. Once signed in, the browser loads the
 * destination afresh, so nothing held in memory from before the login reaches the new session.
 */
export function LoginPage({ redirect, expired, city }: LoginSearch) {
  // After a correct password the session may still wait for a code (also after a reload).
  const [step, setStep] = useState<'password' | 'code' | null>(null)
  const waiting = useWaitingSecondFactor()
  const current = step ?? (waiting ? 'code' : 'password')
  const go = (path: string) => window.location.assign(path)
  const signedIn = () => go(safeRedirect(redirect))
  return (
    <div className="max-w-2xl">
      <PageHeading title="ログイン" />
      {expired && (
        <div className="mb-6">
          <Notice tone="warning" live="status" title="一定時間操作がなかったため、ログアウトしました">
            もう一度ログインしてください。
          </Notice>
        </div>
      )}
      {current === 'code' ? (
        <SecondFactorForm onSignedIn={signedIn} onRestart={() => setStep('password')} />
      ) : (
        <LoginForm
          city={city}
          onSignedIn={(secondFactor) => {
            if (secondFactor === 'totp') return setStep('code')
            if (secondFactor === 'enrol') {
              const query = redirect ? `?${new URLSearchParams({ redirect })}` : ''
              return go(`/two-factor/setup${query}`)
            }
            signedIn()
          }}
        />
      )}
      <p className="mt-8 text-std-16N-170 text-solid-gray-800">
        パスワードを忘れた場合は、システム管理者にパスワード再設定リンクの発行を依頼してください。
      </p>
    </div>
  )
}

/** Whether the session already passed the password and waits for the code (e.g. after a reload). */
function useWaitingSecondFactor(): boolean {
  const [waiting, setWaiting] = useState(false)
  useEffect(() => {
    let live = true
    callEndpoint(sessionEndpoint, {})
      .then((session) => live && setWaiting(session.secondFactor === 'totp'))
      // No answer: the password form stays, and its own request will say what is wrong.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return waiting
}
