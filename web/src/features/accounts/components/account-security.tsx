import { useState } from 'react'
import type { Account } from '#shared/contracts/accounts.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { useResetPassword } from '../api/reset-password.ts'
import { useUpdateAccount } from '../api/update-account.ts'
import { PasswordLinkNotice } from './password-link-notice.tsx'

function problemText(error: unknown): string {
  return error instanceof Error ? error.message : '操作に失敗しました'
}

/** Unlocking and password reset links: the account owner's way back in. */
export function AccountSecurity({ account }: { account: Account }) {
  const reset = useResetPassword(account.id)
  const unlock = useUpdateAccount(account.id)
  const [confirming, setConfirming] = useState(false)

  return (
    <div className="flex flex-col gap-6">
      {account.locked && (
        <Notice tone="warning" title="このアカウントはロックされています">
          <p>ログインに続けて失敗したため、一時的にログインできません。</p>
          <Button
            variant="secondary"
            className="mt-3"
            disabled={unlock.isPending}
            onClick={() => unlock.mutate({ unlock: true })}
          >
            ロックを解除
          </Button>
        </Notice>
      )}
      <div role="status" className="empty:hidden">
        {unlock.isSuccess && !account.locked && <Notice tone="success" title="ロックを解除しました" />}
      </div>
      {unlock.error && <Notice tone="error" live="alert" title={problemText(unlock.error)} />}

      {reset.data ? (
        <PasswordLinkNotice link={reset.data.passwordLink} />
      ) : confirming ? (
        <ConfirmPanel
          title="パスワード再設定リンクを発行します。よろしいですか？"
          confirmLabel="発行する"
          busy={reset.isPending}
          onConfirm={() => reset.mutate(undefined, { onSettled: () => setConfirming(false) })}
          onCancel={() => setConfirming(false)}
        >
          今のパスワードは使えなくなり、この職員のログイン中のセッションも終了します。
        </ConfirmPanel>
      ) : (
        <div>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            パスワード再設定リンクを発行
          </Button>
        </div>
      )}
      {reset.error && <Notice tone="error" live="alert" title={problemText(reset.error)} />}
    </div>
  )
}
