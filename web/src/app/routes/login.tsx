import { useRouter } from '@tanstack/react-router'
import { useState } from 'react'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { LoginForm } from '#web/features/auth/components/login-form.tsx'
import { SecondFactorForm } from '#web/features/auth/components/second-factor-form.tsx'
import { useSession } from '#web/lib/session.ts'
import { loginRoute } from './login.route.ts'

/** Only same-site paths are followed after login, never another origin. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/'
  return target
}

export function LoginPage() {
  const { redirect, expired, city } = loginRoute.useSearch()
  const router = useRouter()
  const session = useSession()
  // After a correct password the session may still wait for a code (also after a reload).
  const [step, setStep] = useState<'password' | 'code' | null>(null)
  const current = step ?? (session.data?.secondFactor === 'totp' ? 'code' : 'password')
  const signedIn = () => router.history.push(safeRedirect(redirect))
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
              return void router.navigate({ to: '/two-factor/setup', search: { redirect } })
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
