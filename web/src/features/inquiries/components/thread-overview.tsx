import { Link } from '@tanstack/react-router'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { formatInstant } from '#shared/dates.ts'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { ThreadMarks, writerText } from './thread-labels.tsx'

/** What staff know of the thread: who wrote, how they may be reached, its state and case. */
export function ThreadOverview({ t }: { t: InquiryThread }) {
  return (
    <DescriptionList
      items={[
        { term: '受付番号', value: t.code },
        { term: '相談者', value: writerText(t) },
        { term: 'ニックネーム', value: t.nickname ?? 'なし（匿名）' },
        {
          term: '電話での連絡',
          value: t.acceptsCall
            ? `希望あり（${t.phone ?? '番号の記入なし'}）`
            : '希望しない（電話はかけないでください）',
        },
        {
          term: '返信のお知らせメール',
          value: t.hasNoticeAddress
            ? 'あり（返信すると「返事があります」とだけ通知します。内容は送りません）'
            : 'なし（相談者は受付番号と合言葉で返信を確認します）',
        },
        {
          term: '状態',
          value: (
            <span className="flex flex-wrap items-center gap-2">
              {t.status === 'open' ? '受付中' : `終了（${t.closedAt ? formatInstant(t.closedAt) : ''}）`}
              <ThreadMarks t={{ ...t, status: 'open' }} />
            </span>
          ),
        },
        { term: '担当', value: t.claimedBy ? t.claimedBy.name : '未対応（担当者なし）' },
        {
          term: '返信待ち',
          value: t.awaitingSince ? `${formatInstant(t.awaitingSince)}から` : 'なし',
        },
        { term: '受付日時', value: formatInstant(t.createdAt) },
        {
          term: 'ケース',
          value:
            t.caseId && t.caseNo ? (
              <Link to="/cases/$id" params={{ id: t.caseId }}>
                {t.caseNo}
              </Link>
            ) : (
              'なし'
            ),
        },
      ]}
    />
  )
}
