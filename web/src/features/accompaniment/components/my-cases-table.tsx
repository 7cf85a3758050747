import { Link } from '@tanstack/react-router'
import { AGE_BANDS, CASE_LEADS, labelOf } from '#shared/codes.ts'
import type { MyCase } from '#shared/contracts/accompaniment.ts'
import { formatWareki } from '#shared/dates.ts'
import { EmptyRow, SortableTh, Table, Td, Th } from '#web/components/ui/table.tsx'
import { useWardName } from '#web/lib/reference-data.ts'
import type { MyCaseSort, SortOrder } from '../my-cases-sort.ts'
import { Flag } from './flag.tsx'

function leadText(c: MyCase): string {
  const who = c.lead === 'accompaniment' ? c.leadAccountName : c.leadUnitName
  return `${labelOf(CASE_LEADS, c.lead)}${who ? `（${who}）` : ''}`
}

export function MyCasesTable({
  cases,
  noActivityDays,
  sort,
  order,
  onSort,
}: {
  cases: MyCase[]
  noActivityDays: number
  sort: MyCaseSort
  order: SortOrder
  onSort: (sort: MyCaseSort, order: SortOrder) => void
}) {
  const wardName = useWardName()
  const sortable = (label: string, key: MyCaseSort) => (
    <SortableTh label={label} active={sort === key} order={order} onSort={(o) => onSort(key, o)} />
  )
  return (
    <Table caption="担当ケース一覧" captionHidden>
      <thead>
        <tr>
          {sortable('ケース番号', 'caseNo')}
          <Th>氏名</Th>
          <Th>年齢区分</Th>
          <Th>区</Th>
          <Th>主担当</Th>
          {sortable('次回確認日', 'nextReviewOn')}
          {sortable('最終支援日', 'lastActivityOn')}
        </tr>
      </thead>
      <tbody>
        {cases.length === 0 && <EmptyRow colSpan={7}>表示するケースはありません。</EmptyRow>}
        {cases.map((c) => (
          <tr key={c.id} className={c.reviewOverdue || c.noRecentActivity ? 'bg-red-50' : undefined}>
            <Td className="whitespace-nowrap">
              <Link to="/cases/$id" params={{ id: c.id }}>
                {c.caseNo}
              </Link>
            </Td>
            <Td>{c.name ?? <span className="text-solid-gray-700">氏名不明</span>}</Td>
            <Td className="whitespace-nowrap">{labelOf(AGE_BANDS, c.ageBand)}</Td>
            <Td className="whitespace-nowrap">{c.ward ? wardName(c.ward) : '不明'}</Td>
            <Td>
              {leadText(c)}
              {c.relation === 'assigned' && (
                <span className="block text-dns-14N-130">（役割分担で担当）</span>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {c.nextReviewOn ? formatWareki(c.nextReviewOn) : '未定'}
              {c.reviewOverdue && (
                <span className="block">
                  <Flag>確認期限超過</Flag>
                </span>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              {c.lastActivityOn ? formatWareki(c.lastActivityOn) : '記録なし'}
              <span className="block text-dns-14N-130 text-solid-gray-800">
                {c.lastActivityOn
                  ? `${c.daysWithoutActivity}日前`
                  : `（${formatWareki(c.inactiveSince)}から${c.daysWithoutActivity}日）`}
              </span>
              {c.noRecentActivity && (
                <span className="block">
                  <Flag>{`${noActivityDays}日以上記録なし`}</Flag>
                </span>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
