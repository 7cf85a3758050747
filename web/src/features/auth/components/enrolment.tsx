import { type FormEvent, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useConfirmEnrolment } from '../api/confirm-enrolment.ts'
import { useStartEnrolment } from '../api/start-enrolment.ts'
import { RecoveryCodes } from './recovery-codes.tsx'

const labels = { code: '確認コード' } as const

/** The secret in groups of four, easier to type by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret

/**
 * Enrolling an authenticator app: show the QR code (and the key as text), confirm with a first
 * code, then show the recovery codes once. The QR code is an SVG the server drew; no outside service.
 */
export function Enrolment({ onDone }: { onDone: () => void }) {
  const start = useStartEnrolment()
  const confirm = useConfirmEnrolment()
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)

  if (confirm.data) return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={onDone} />

  if (!start.data) {
    return (
      <div className="flex max-w-2xl flex-col gap-6">
        <p className="text-std-16N-170">
          スマートフォンに認証アプリ（Google Authenticator、Microsoft Authenticator
          など、時間ベースの確認コードを表示するもの）を用意してから始めてください。
        </p>
        {start.error && <Notice tone="error" live="alert" title={start.error.message} />}
        <div>
          <Button onClick={() => start.mutate()} disabled={start.isPending}>
            {start.isPending ? '準備しています…' : 'QRコードを表示する'}
          </Button>
        </div>
      </div>
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    confirm.mutate(code, { onError: (error) => setErrors(formErrorsFrom(error, Object.keys(labels))) })
  }

  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <section aria-labelledby="enrol-scan" className="flex flex-col gap-4">
        <h2 id="enrol-scan" className="text-std-20B-150">
          1. 認証アプリでQRコードを読み取る
        </h2>
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
          alt="認証アプリに登録するためのQRコード"
          width={220}
          height={220}
          className="border border-solid-gray-300 bg-white"
        />
        <p className="text-std-16N-170">
          読み取れない場合は、アプリで「キーを入力」を選び、次のキーを入力してください（種類：時間ベース）。
        </p>
        <p>
          <span className="sr-only">キー：</span>
          <code id="totp-secret" className="break-all font-mono text-std-17B-170">
            {grouped(start.data.secret)}
          </code>
        </p>
      </section>
      <form noValidate onSubmit={submit} aria-labelledby="enrol-confirm" className="flex flex-col gap-6">
        <h2 id="enrol-confirm" className="text-std-20B-150">
          2. アプリに表示された確認コードを入力する
        </h2>
        <ErrorSummary
          title="設定できませんでした"
          message={errors.general}
          errors={summaryOf(errors, labels)}
        />
        <TextField
          id="code"
          label={labels.code}
          required
          value={code}
          onValueChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          widthClass="w-40"
          support="6桁の数字"
          error={errors.fields.code}
        />
        <div>
          <Button type="submit" disabled={confirm.isPending}>
            {confirm.isPending ? '確認しています…' : '設定を完了する'}
          </Button>
        </div>
      </form>
    </div>
  )
}
