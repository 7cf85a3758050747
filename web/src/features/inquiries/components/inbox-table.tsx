import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import type { InboxItem } from '#shared/contracts/inquiries.ts'
import { formatInstant } from '#shared/dates.ts'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { ThreadMarks, writerText } from './thread-labels.tsx'

const COLUMNS = ['受付番号', '相談者', '状態', '最新のメッセージ', '返信待ち', '担当', 'ケース']

/** The inbox, newest message first as the server sorts it. */
export function InquiryTable({ items, empty }: { items: InboxItem[]; empty: ReactNode }) {
  return (
    <Table caption="ウェブ相談の一覧" captionHidden>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow colSpan={COLUMNS.length}>{empty}</EmptyRow>}
        {items.map((i) => (
          <tr key={i.id}>
            <Td className="whitespace-nowrap">
              <Link to="/inquiries/$id" params={{ id: i.id }}>
                {i.code}
              </Link>
            </Td>
            <Td>
              {writerText(i)}
              {i.nickname && <span className="block text-dns-14N-130">ニックネーム：{i.nickname}</span>}
            </Td>
            <Td>
              <ThreadMarks t={i} />
            </Td>
            <Td className="whitespace-nowrap">
              {formatInstant(i.lastMessageAt)}
              <span className="block text-dns-14N-130 text-solid-gray-800">全{i.messageCount}通</span>
            </Td>
            <Td className="whitespace-nowrap">
              {i.awaitingSince ? `${formatInstant(i.awaitingSince)}から` : 'なし'}
            </Td>
            <Td>{i.claimedBy ? i.claimedBy.name : <strong>未対応</strong>}</Td>
            <Td>{i.caseNo ?? <span className="text-solid-gray-700">なし</span>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
