import { useState } from 'react'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { useMe } from '#web/lib/session.ts'
import { useClaimInquiry } from '../api/claim-inquiry.ts'
import { useCloseInquiry } from '../api/close-inquiry.ts'
import { useMarkSpam } from '../api/mark-spam.ts'
import { useReleaseInquiry } from '../api/release-inquiry.ts'
import { useReopenInquiry } from '../api/reopen-inquiry.ts'
import { inquiryErrorsFrom } from '../inquiry-errors.ts'

type Confirming = 'spam' | 'close' | null

/**
 * 担当する / 担当を外す, 迷惑として扱う, 終了 / 再開. Marking spam and closing ask first: the first
 * hides the thread from the inbox, the second ends the conversation for now.
 */
export function ThreadActions({ t, onDone }: { t: InquiryThread; onDone: (message: string) => void }) {
  const me = useMe()
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [error, setError] = useState<string | undefined>()
  const claim = useClaimInquiry(t.id)
  const release = useReleaseInquiry(t.id)
  const spam = useMarkSpam(t.id)
  const close = useCloseInquiry(t.id)
  const reopen = useReopenInquiry(t.id)
  const busy = claim.isPending || release.isPending || spam.isPending || close.isPending || reopen.isPending

  const run = (action: { mutate: (v: never, o: object) => void }, value: unknown, done: string) => {
    setError(undefined)
    action.mutate(value as never, {
      onSuccess: () => {
        setConfirming(null)
        onDone(done)
      },
      onError: (e: unknown) => {
        setConfirming(null)
        setError(inquiryErrorsFrom(e, []).general)
      },
    })
  }

  if (confirming === 'spam') {
    return (
      <ConfirmPanel
        title="この相談を迷惑として扱います。よろしいですか？"
        confirmLabel="迷惑として扱う"
        danger
        busy={busy}
        onConfirm={() => run(spam, { spam: true }, '迷惑として扱いました。受付中の一覧には表示されません。')}
        onCancel={() => setConfirming(null)}
      >
        <p>
          相談は消さずに残し、「迷惑」の一覧にだけ表示します。件数や対応記録には数えません。後から解除できます。
        </p>
      </ConfirmPanel>
    )
  }
  if (confirming === 'close') {
    return (
      <ConfirmPanel
        title="この相談を終了します。よろしいですか？"
        confirmLabel="終了する"
        busy={busy}
        onConfirm={() => run(close, undefined, '相談を終了しました。')}
        onCancel={() => setConfirming(null)}
      >
        <p>相談者は受付番号と合言葉でこれまでのやりとりを読めます。必要になれば再開できます。</p>
      </ConfirmPanel>
    )
  }

  const mine = t.claimedBy?.id === me.id
  return (
    <div className="flex flex-col gap-4">
      {error && (
        <Notice tone="error" title="操作できませんでした" live="alert">
          {error}
        </Notice>
      )}
      <div className="flex flex-wrap gap-4">
        {t.status === 'open' && !t.spam && !t.claimedBy && (
          <Button disabled={busy} onClick={() => run(claim, undefined, 'この相談の担当になりました。')}>
            担当する
          </Button>
        )}
        {t.claimedBy && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              run(
                release,
                undefined,
                mine ? '担当を外れました。' : `${t.claimedBy?.name}さんの担当を外しました。`,
              )
            }
          >
            {mine ? '担当を外れる' : `${t.claimedBy.name}さんの担当を外す`}
          </Button>
        )}
        {t.status === 'open' ? (
          <Button variant="secondary" disabled={busy} onClick={() => setConfirming('close')}>
            相談を終了する
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(reopen, undefined, '相談を再開しました。')}
          >
            相談を再開する
          </Button>
        )}
        {t.spam ? (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => run(spam, { spam: false }, '迷惑の扱いを解除しました。')}
          >
            迷惑の扱いを解除する
          </Button>
        ) : (
          !t.caseId && (
            <Button variant="tertiary" disabled={busy} onClick={() => setConfirming('spam')}>
              迷惑として扱う
            </Button>
          )
        )}
      </div>
    </div>
  )
}
