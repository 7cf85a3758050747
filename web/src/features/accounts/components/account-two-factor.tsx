import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useAccountTwoFactor } from '../api/get-account-two-factor.ts'
import { useResetAccountTwoFactor } from '../api/reset-account-two-factor.ts'

/** Another account's 2FA as the administrator sees it, and the reset for a lost phone. */
export function AccountTwoFactor({ accountId, own }: { accountId: string; own: boolean }) {
  const status = useAccountTwoFactor(accountId)
  const reset = useResetAccountTwoFactor(accountId)
  const [confirming, setConfirming] = useState(false)

  if (status.isPending) return <Loading what="2段階認証の状態" />
  if (status.error) return <QueryError error={status.error} />
  const s = status.data

  return (
    <div className="flex flex-col gap-6">
      <DescriptionList
        items={[
          { term: '状態', value: s.enabled ? '設定済み' : '未設定' },
          { term: 'この役割での扱い', value: s.required ? '必須' : '任意' },
          ...(s.enabled ? [{ term: '残りの回復コード', value: `${s.recoveryCodesLeft}個` }] : []),
        ]}
      />
      <div role="status" className="empty:hidden">
        {reset.isSuccess && <Notice tone="success" title="2段階認証をリセットしました" />}
      </div>
      {reset.error && <Notice tone="error" live="alert" title={reset.error.message} />}
      {own ? (
        <p className="text-std-16N-170">ご自身の2段階認証は、画面上部の「2段階認証」から変更してください。</p>
      ) : confirming ? (
        <ConfirmPanel
          title="この職員の2段階認証をリセットします。よろしいですか？"
          confirmLabel="リセットする"
          danger
          busy={reset.isPending}
          onConfirm={() => reset.mutate(undefined, { onSettled: () => setConfirming(false) })}
          onCancel={() => setConfirming(false)}
        >
          認証アプリの登録と回復コードが消え、ログイン中のセッションも終了します。スマートフォンの紛失などで本人から依頼があった場合に行ってください。
        </ConfirmPanel>
      ) : (
        s.enabled && (
          <div>
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              2段階認証をリセット
            </Button>
          </div>
        )
      )}
    </div>
  )
}
