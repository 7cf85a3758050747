import type { ReactNode } from 'react'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import { formatCount, formatPercent } from '../report-format.ts'

/** A row's heading cell (the first column of the report's tables). */
export function RowTh({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="border-b border-solid-gray-300 px-3 py-2 text-left align-top text-std-16B-170">
      {children}
    </th>
  )
}

export function NumTd({ children }: { children: ReactNode }) {
  return <Td className="text-right tabular-nums">{children}</Td>
}

export function Count({ n }: { n: number }) {
  return <>{formatCount(n)}</>
}

/** A figure not counted: a dash on screen and on paper, 「未集計」 for screen readers. */
export function NotCounted() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">未集計</span>
    </>
  )
}

/** A change as the printed report writes it: △58 for a decrease, read out as マイナス58. */
export function Change({ n }: { n: number }) {
  if (n >= 0) return <>{formatCount(n)}</>
  return (
    <>
      <span aria-hidden="true">△</span>
      <span className="sr-only">マイナス</span>
      {formatCount(-n)}
    </>
  )
}

/** A block of the report that is not split across printed pages. */
export function ReportBlock({ children }: { children: ReactNode }) {
  return <div className="report-block mb-8">{children}</div>
}

export interface CountRow {
  key: string
  label: string
  count: number
}

/** A two-column table of labelled counts (ケース数 and the like). */
export function CountTable({
  caption,
  head,
  countHead,
  rows,
}: {
  caption: string
  head: string
  countHead: string
  rows: CountRow[]
}) {
  return (
    <ReportBlock>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>{head}</Th>
            <Th className="text-right">{countHead}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <RowTh>{r.label}</RowTh>
              <NumTd>
                <Count n={r.count} />
              </NumTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </ReportBlock>
  )
}

export interface ShareRow extends CountRow {
  percent: number
}

/** Counts with their share in percent (相談者別, 経路別, survey answers). */
export function ShareTable({
  caption,
  head,
  countHead = '件数',
  rows,
}: {
  caption: string
  head: string
  countHead?: string
  rows: ShareRow[]
}) {
  return (
    <ReportBlock>
      <Table caption={caption}>
        <thead>
          <tr>
            <Th>{head}</Th>
            <Th className="text-right">{countHead}</Th>
            <Th className="text-right">割合</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <RowTh>{r.label}</RowTh>
              <NumTd>
                <Count n={r.count} />
              </NumTd>
              <NumTd>{formatPercent(r.percent)}</NumTd>
            </tr>
          ))}
        </tbody>
      </Table>
    </ReportBlock>
  )
}
