import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { AGE_BANDS, labelOf, NEW_CASE_ROUTES, URGENCIES, WARD_STATES } from '#shared/codes.ts'
import type { InboxItem, InboxOrder } from '#shared/contracts/handovers.ts'
import { formatWareki } from '#shared/dates.ts'
import { EmptyRow, SortableTh, Table, Td, Th } from '#web/components/ui/table.tsx'

const BEFORE_DAYS = ['ケース番号', '氏名', '新規ケース経路']
const AFTER_DAYS = ['待ち始めた日', '区の状況', '追加アセスメント', '緊急度', '年齢区分']
const COLUMN_COUNT = BEFORE_DAYS.length + 1 + AFTER_DAYS.length

function UrgencyText({ urgency }: { urgency: InboxItem['urgency'] }) {
  const label = labelOf(URGENCIES, urgency)
  if (urgency === 'normal') return <>{label}</>
  return <strong className={urgency === 'urgent' ? 'text-error-2' : 'text-warning-orange-2'}>{label}</strong>
}

/** 待ち日数, flagged when over the city's limit (in words too, not by colour alone). */
export function WaitingDays({ item, limit }: { item: InboxItem; limit: number }) {
  if (!item.waitingLong) return <>{item.daysWaiting}日</>
  return (
    <strong className="text-error-2">
      {item.daysWaiting}日<span className="block text-dns-14N-130">（{limit}日超）</span>
    </strong>
  )
}

/**
 * The ward's inbox in the server's order: by days waited, longest first unless the coordinator
 * turns it round from the column header.
 */
export function InboxTable({
  items,
  empty,
  order,
  waitLimitDays,
  onOrder,
}: {
  items: InboxItem[]
  empty: ReactNode
  order: InboxOrder
  waitLimitDays: number
  onOrder: (order: InboxOrder) => void
}) {
  return (
    <Table caption="引継ぎ・受付の一覧" captionHidden>
      <thead>
        <tr>
          {BEFORE_DAYS.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
          <SortableTh
            label="待ち日数"
            active
            order={order === 'longest' ? 'desc' : 'asc'}
            onSort={(o) => onOrder(o === 'desc' ? 'longest' : 'shortest')}
          />
          {AFTER_DAYS.map((c) => (
            <Th key={c}>{c}</Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.length === 0 && <EmptyRow colSpan={COLUMN_COUNT}>{empty}</EmptyRow>}
        {items.map((i) => (
          <tr key={i.id}>
            <Td className="whitespace-nowrap">
              <Link to="/cases/$id" params={{ id: i.id }}>
                {i.caseNo}
              </Link>
            </Td>
            <Td>{i.name ?? <span className="text-solid-gray-700">氏名不明</span>}</Td>
            <Td>{i.wardRoute ? labelOf(NEW_CASE_ROUTES, i.wardRoute) : '記録なし'}</Td>
            <Td className="whitespace-nowrap">
              <WaitingDays item={i} limit={waitLimitDays} />
            </Td>
            <Td className="whitespace-nowrap">
              {formatWareki(i.waitingSince)}
              <span className="block text-dns-14N-130 text-solid-gray-800">
                {i.handedOverOn ? '（引継ぎ日）' : '（区での受付日）'}
              </span>
            </Td>
            <Td>{labelOf(WARD_STATES, i.wardState)}</Td>
            <Td>{i.hasAssessment ? '記入済み' : <strong>未記入</strong>}</Td>
            <Td>
              <UrgencyText urgency={i.urgency} />
            </Td>
            <Td>{labelOf(AGE_BANDS, i.ageBand)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
