import type { ThreadNotice } from '#shared/contracts/mail.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import { useThreadNotices } from '../api/get-thread-notices.ts'

const KIND_LABELS: Record<ThreadNotice['kind'], string> = {
  inquiry_reply_waiting: '相談者へ「返事があります」',
  staff_new_inquiry: '職員へ 新しいメッセージ',
  staff_overdue: '職員へ 返信待ち',
}

/** A time in Tokyo, to the minute. */
function tokyoTime(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso))
}

function stateText(n: ThreadNotice): string {
  if (n.status === 'sent') return `送信済み（${tokyoTime(n.sentAt ?? n.createdAt)}）`
  if (n.status === 'failed') return `送信失敗（${n.attempts}回試行）`
  if (n.attempts === 0) return '送信待ち'
  return `再送待ち（${n.attempts}回失敗、次は${n.nextAttemptAt ? tokyoTime(n.nextAttemptAt) : 'まもなく'}）`
}

/**
 * Whether the mail notices of a web consultation went out: above all, that a resident who asked
 * to be told of a reply was told, or that they were not (then the reply waits unseen unless they
 * come back by themselves). Shows the relay's error; never an address.
 */
export function NoticeStatus({ threadId }: { threadId: string }) {
  const query = useThreadNotices(threadId)
  return (
    <section aria-labelledby="notice-status-heading" className="flex flex-col gap-4">
      <h2 id="notice-status-heading" className="text-std-24B-150">
        メール通知の状況
      </h2>
      {query.isPending && <Loading what="メール通知の状況" />}
      {query.error && <QueryError error={query.error} />}
      {query.data && <NoticeList mailEnabled={query.data.mailEnabled} notices={query.data.notices} />}
    </section>
  )
}

function NoticeList({ mailEnabled, notices }: { mailEnabled: boolean; notices: ThreadNotice[] }) {
  const residentFailed = notices.some((n) => n.recipient === 'resident' && n.status === 'failed')
  return (
    <>
      {!mailEnabled && (
        <p className="text-std-16N-170">
          このシステムではメールの送信が設定されていないため、通知は送られません。
        </p>
      )}
      {residentFailed && (
        <Notice tone="error" title="相談者への通知を送れませんでした">
          返信は保存されていて、相談者は受付番号と合言葉で読めますが、「返事があります」のメールは届いていません。
        </Notice>
      )}
      {notices.length === 0 ? (
        <p className="text-std-16N-170">このスレッドのメール通知はありません。</p>
      ) : (
        <Table caption="このスレッドのメール通知" captionHidden>
          <thead>
            <tr>
              <Th>通知</Th>
              <Th>作成</Th>
              <Th>状態</Th>
              <Th>最後のエラー</Th>
            </tr>
          </thead>
          <tbody>
            {notices.map((n) => (
              <tr key={n.id}>
                <Td>{KIND_LABELS[n.kind]}</Td>
                <Td>{tokyoTime(n.createdAt)}</Td>
                <Td className={n.status === 'failed' ? 'text-std-16B-170 text-error-2' : ''}>
                  {stateText(n)}
                </Td>
                <Td className="break-all">{n.lastError ?? 'なし'}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
