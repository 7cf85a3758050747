import { type FormEvent, useState } from 'react'
import type { MailPreferences } from '#shared/contracts/mail.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useSaveMailPreferences } from '../api/save-mail-preferences.ts'

const labels = { address: '通知先のメールアドレス', kinds: '受け取る通知' } as const
const KINDS = [
  { value: 'newInquiries', label: '新しいウェブ相談（相談者が書き込んだとき）' },
  { value: 'overdueInquiries', label: '返信待ちのウェブ相談（返信の目安の時間を過ぎたとき）' },
] as const

/** The signed-in counsellor's own opt-in to the window's mail notices. */
export function MailPreferencesForm({ initial }: { initial: MailPreferences }) {
  const [address, setAddress] = useState(initial.address ?? '')
  const [kinds, setKinds] = useState<string[]>(KINDS.map((k) => k.value).filter((k) => initial[k]))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useSaveMailPreferences()

  if (!initial.mailEnabled) {
    return (
      <Notice tone="warning" title="このシステムではメールの送信が設定されていません">
        メール通知を使うには、システム管理者がメールサーバー（SMTP）を設定する必要があります。新しいウェブ相談と返信待ちの件数は、ホーム画面と受信箱で確認できます。
      </Notice>
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(
      {
        address,
        newInquiries: kinds.includes('newInquiries'),
        overdueInquiries: kinds.includes('overdueInquiries'),
      },
      { onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-2xl flex-col gap-8">
      <p className="text-std-16N-170">
        ウェブ相談に動きがあったときにメールでお知らせします。メールには相談の内容や相談者の情報は書かれず、受信箱へのリンクだけが入ります。
      </p>
      <ErrorSummary
        title="保存できませんでした"
        message={errors.general}
        errors={summaryOf(errors, labels)}
      />
      <TextField
        id="address"
        label={labels.address}
        support="職場のメールアドレスを入力してください。通知を受け取るときは必須です。空欄にして保存すると、通知は止まります。"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={address}
        onValueChange={setAddress}
        error={errors.fields.address}
      />
      <CheckboxGroup
        id="kinds"
        legend={labels.kinds}
        support="受け取りたいものを選んでください（複数選択可）。"
        choices={KINDS}
        values={kinds}
        onValuesChange={setKinds}
        error={errors.fields.kinds}
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
