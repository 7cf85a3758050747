import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { AGE_BANDS, CASE_STATUSES, labelOf, URGENCIES } from '#shared/codes.ts'
import type { CASE_SORTS, CaseListItem, CaseSummary } from '#shared/contracts/cases.ts'
import { formatWareki } from '#shared/dates.ts'
import { matchLabel } from '#shared/search-match.ts'
import { EmptyRow, SortableTh, type SortOrder, Table, Td, Th } from '#web/components/ui/table.tsx'
import { useWardName } from '#web/lib/reference-data.ts'
import { Household8050Badge } from './household-8050-badge.tsx'

export type CaseSort = (typeof CASE_SORTS)[number]

export interface CaseTableSort {
  sort: CaseSort
  order: SortOrder
  onSort: (sort: CaseSort, order: SortOrder) => void
}

interface Column {
  label: string
  sort?: CaseSort
}

const columns: Column[] = [
  { label: 'ケース番号', sort: 'caseNo' },
  { label: '受付日', sort: 'openedOn' },
  { label: '氏名・ふりがな', sort: 'kana' },
  { label: '年齢区分' },
  { label: '居住区' },
  { label: '緊急度', sort: 'urgency' },
  { label: '状態' },
  { label: '担当者' },
  { label: '最終対応日', sort: 'lastContactOn' },
]

function UrgencyText({ urgency }: { urgency: CaseSummary['urgency'] }) {
  const label = labelOf(URGENCIES, urgency)
  if (urgency === 'normal') return <>{label}</>
  return <strong className={urgency === 'urgent' ? 'text-error-2' : 'text-warning-orange-2'}>{label}</strong>
}

/** Cases as a table; with `sorting`, the sortable columns get header buttons. */
export function CaseTable({
  caption,
  captionHidden,
  cases,
  empty,
  sorting,
}: {
  caption: string
  captionHidden?: boolean
  /** With a search's match, the name cell says which field of whom was found. */
  cases: (CaseSummary & { match?: CaseListItem['match'] })[]
  empty: ReactNode
  sorting?: CaseTableSort
}) {
  const wardName = useWardName()
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <thead>
        <tr>
          {columns.map((c) => {
            const sortKey = c.sort
            return sorting && sortKey ? (
              <SortableTh
                key={c.label}
                label={c.label}
                active={sorting.sort === sortKey}
                order={sorting.order}
                onSort={(order) => sorting.onSort(sortKey, order)}
              />
            ) : (
              <Th key={c.label}>{c.label}</Th>
            )
          })}
        </tr>
      </thead>
      <tbody>
        {cases.length === 0 && <EmptyRow colSpan={columns.length}>{empty}</EmptyRow>}
        {cases.map((c) => (
          <tr key={c.id}>
            <Td className="whitespace-nowrap">
              <Link to="/cases/$id" params={{ id: c.id }}>
                {c.caseNo}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatWareki(c.openedOn)}</Td>
            <Td>
              {c.name ?? <span className="text-solid-gray-700">氏名不明</span>}
              {c.kana && <span className="block text-dns-14N-130 text-solid-gray-800">{c.kana}</span>}
              {c.match && (
                <span className="mt-1 block text-dns-14N-130 text-solid-gray-800">
                  一致：{matchLabel(c.match)}
                </span>
              )}
            </Td>
            <Td>
              {labelOf(AGE_BANDS, c.ageBand)}
              {c.household8050 && <Household8050Badge compact />}
            </Td>
            <Td>{c.ward ? wardName(c.ward) : '不明'}</Td>
            <Td>
              <UrgencyText urgency={c.urgency} />
            </Td>
            <Td>
              {labelOf(CASE_STATUSES, c.status)}
              {c.handedOverTo && (
                <span className="block text-dns-14N-130">（{wardName(c.handedOverTo)}）</span>
              )}
            </Td>
            <Td>{c.staffName ?? '未設定'}</Td>
            <Td className="whitespace-nowrap">{c.lastContactOn ? formatWareki(c.lastContactOn) : 'なし'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
