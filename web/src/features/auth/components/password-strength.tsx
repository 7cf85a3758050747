import { useEffect, useState } from 'react'
import type { PasswordVerdict } from '#shared/password-strength.ts'

type Judge = typeof import('#shared/password-strength.ts').judgePassword

/** The checker and its dictionaries (about 2 MB) load only on the password page, once. */
let judgeLoad: Promise<Judge> | undefined
const loadJudge = () => {
  judgeLoad ??= import('#shared/password-strength.ts').then((m) => m.judgePassword)
  return judgeLoad
}

/** The server's own verdict on a password, computed in the browser while the person types. */
export function usePasswordVerdict(
  password: string,
  userInputs: (string | null)[],
): PasswordVerdict | undefined {
  const [verdict, setVerdict] = useState<PasswordVerdict>()
  const inputs = userInputs.join('\u0000')
  useEffect(() => {
    if (!password) {
      setVerdict(undefined)
      return
    }
    let current = true
    // A short pause, so the estimate runs once the person stops typing, not at every key.
    const timer = setTimeout(() => {
      void loadJudge().then((judge) => {
        if (current) setVerdict(judge(password, inputs.split('\u0000')))
      })
    }, 250)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [password, inputs])
  return verdict
}

const LEVELS = ['とても弱い', '弱い', 'やや弱い', '十分', '強い'] as const

/** Shown under the password field; a polite live region, so screen readers hear the verdict too. */
export function PasswordStrength({ id, verdict }: { id: string; verdict: PasswordVerdict | undefined }) {
  return (
    <div id={id} aria-live="polite" className="text-std-16N-170">
      {verdict && (
        <>
          <p className={verdict.ok ? 'text-success-2' : 'text-error-2'}>
            パスワードの強さ：{LEVELS[verdict.score] ?? ''}
            {verdict.ok ? '（使えます）' : '（このままでは使えません）'}
          </p>
          {verdict.feedback.length > 0 && (
            <ul className="ml-6 list-disc text-solid-gray-800">
              {verdict.feedback.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
