import { useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { TwoFactorStatus } from '#shared/contracts/two-factor.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { useDisableTwoFactor } from '../api/disable-two-factor.ts'
import { Enrolment } from './enrolment.tsx'

const labels = { password: '現在のパスワード' } as const

/** A timestamp as a Tokyo calendar date and time. */
export function tokyoDateTime(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso))
}

/** The signed-in person's own two-factor settings: enrol, or see the state and turn it off. */
export function TwoFactorSettings({ status }: { status: TwoFactorStatus }) {
  const queryClient = useQueryClient()
  const disable = useDisableTwoFactor()
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  // The status is not refetched when the enrolment is confirmed, only after the recovery codes
  // were seen (onDone): until then Enrolment stays on screen with them.
  if (!status.enabled) {
    return (
      <div className="flex flex-col gap-6">
        {status.required && (
          <Notice tone="warning" title="あなたの役割では2段階認証が必須です">
            設定するまで、次回のログインからはこの設定以外の画面を使えません。
          </Notice>
        )}
        {disable.isSuccess && <Notice tone="success" live="status" title="2段階認証を無効にしました" />}
        <Enrolment onDone={() => void queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor })} />
      </div>
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    disable.mutate(password, {
      onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))),
      onSettled: () => setPassword(''),
    })
  }

  return (
    <div className="flex max-w-2xl flex-col gap-10">
      <DescriptionList
        items={[
          { term: '状態', value: '設定済み' },
          { term: '設定日時', value: status.enabledAt ? tokyoDateTime(status.enabledAt) : '' },
          { term: '残りの回復コード', value: `${status.recoveryCodesLeft}個` },
        ]}
      />
      <form noValidate onSubmit={submit} aria-labelledby="disable-heading" className="flex flex-col gap-6">
        <h2 id="disable-heading" className="text-std-20B-150">
          2段階認証を無効にする
        </h2>
        <p className="text-std-16N-170">
          スマートフォンを替えるときなどは、いったん無効にしてから設定し直してください。回復コードも使えなくなります。
          {status.required &&
            '役割により必須のため、無効にすると次回のログイン時に設定し直す必要があります。'}
        </p>
        <ErrorSummary
          title="無効にできませんでした"
          message={errors.general}
          errors={summaryOf(errors, labels)}
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
          <Button type="submit" variant="danger" disabled={disable.isPending}>
            {disable.isPending ? '処理しています…' : '無効にする'}
          </Button>
        </div>
      </form>
    </div>
  )
}
