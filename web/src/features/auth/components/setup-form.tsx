import { type FormEvent, useState } from 'react'
import { PASSWORD_MIN_LENGTH } from '#shared/contracts/auth.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useSetPassword } from '../api/use-password-link.ts'
import { PasswordStrength, usePasswordVerdict } from './password-strength.tsx'

export interface SetupFormProps {
  token: string
  purpose: 'first_admin' | 'reset'
  /** The account's login ID and name (a reset): a password must not be made of them. */
  account?: { loginId: string | null; name: string | null }
  /** A new city: its first administrator chooses where the organisation starts. */
  choosesOrganisation?: boolean
  onDone: () => void
}

const passwordSupport = (
  <>
    {PASSWORD_MIN_LENGTH}
    文字以上。よく使われるパスワード、同じ文字やキーボードの並びの繰り返し、ログインIDや氏名を含むものは使えません。
    単語をいくつか組み合わせた長い文（パスフレーズ）がおすすめです。
  </>
)

const ORGANISATION_CHOICES = [
  {
    value: 'reference',
    label: '参照市（京都市）の組織から始める：14の区・支所と各保健福祉センターの4つの課・室',
  },
  { value: 'empty', label: '空の組織から始める：区・支所や課・室を自分で設定する' },
]

/** Sets a password through a one-time link; for the first administrator it also creates the account. */
export function SetupForm({ token, purpose, account, choosesOrganisation, onDone }: SetupFormProps) {
  const firstAdmin = purpose === 'first_admin'
  const labels: Record<string, string> = firstAdmin
    ? {
        loginId: 'ログインID',
        name: '氏名',
        ...(choosesOrganisation ? { organisation: '組織の始め方' } : {}),
        password: 'パスワード',
        passwordConfirm: 'パスワード（確認）',
      }
    : { password: '新しいパスワード', passwordConfirm: '新しいパスワード（確認）' }
  const [loginId, setLoginId] = useState('')
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState<'reference' | 'empty'>('reference')
  const [password, setPassword] = useState('')
  const [passwordConfirm, setPasswordConfirm] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useSetPassword(token)
  const verdict = usePasswordVerdict(password, [account?.loginId ?? loginId, account?.name ?? name])

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // Checked here because the server never sees the confirmation copy.
    if (password !== passwordConfirm) {
      setErrors({ fields: { passwordConfirm: '同じパスワードを2回入力してください' } })
      return
    }
    setErrors(noErrors)
    const body = firstAdmin
      ? { loginId, name, password, ...(choosesOrganisation ? { organisation } : {}) }
      : { password }
    save.mutate(body, {
      onSuccess: onDone,
      onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))),
    })
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-lg flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels)} />
      {firstAdmin && (
        <>
          <TextField
            id="loginId"
            label="ログインID"
            required
            support="半角英数字と . _ - で3〜64文字"
            value={loginId}
            onValueChange={setLoginId}
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="off"
            error={errors.fields.loginId}
          />
          <TextField
            id="name"
            label="氏名"
            required
            value={name}
            onValueChange={setName}
            autoComplete="name"
            error={errors.fields.name}
          />
          {choosesOrganisation && (
            <RadioGroup
              id="organisation"
              legend="組織の始め方"
              required
              support="区・支所、保健福祉センターの課・室、相談窓口などの初期設定です。どちらを選んでも、後から「組織設定」で変更できます。"
              choices={ORGANISATION_CHOICES}
              value={organisation}
              onValueChange={(v) => setOrganisation(v as 'reference' | 'empty')}
              error={errors.fields.organisation}
            />
          )}
        </>
      )}
      <TextField
        id="password"
        label={labels.password ?? 'パスワード'}
        type="password"
        required
        support={passwordSupport}
        value={password}
        onValueChange={setPassword}
        autoComplete="new-password"
        error={errors.fields.password}
        alsoDescribedBy="password-strength"
      />
      <PasswordStrength id="password-strength" verdict={verdict} />
      <TextField
        id="passwordConfirm"
        label={labels.passwordConfirm ?? 'パスワード（確認）'}
        type="password"
        required
        support="確認のため、もう一度入力してください"
        value={passwordConfirm}
        onValueChange={setPasswordConfirm}
        autoComplete="new-password"
        error={errors.fields.passwordConfirm}
      />
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '設定しています…' : firstAdmin ? '管理者を登録する' : 'パスワードを設定する'}
        </Button>
      </div>
    </form>
  )
}
