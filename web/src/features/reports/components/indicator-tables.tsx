import type { ReactNode } from 'react'
import { type Cell, type ColumnKind, formatCell, type ReportTable } from '#shared/report-indicator-tables.ts'
import { Table, Td, Th } from '#web/components/ui/table.tsx'
import { NotCounted, ReportBlock, RowTh } from './report-table-parts.tsx'

/** One cell: numbers right-aligned in tabular figures, — read out as 未集計. */
function CellContent({ value, kind }: { value: Cell; kind: ColumnKind }): ReactNode {
  if (value === null) return <NotCounted />
  return formatCell(value, kind)
}

/**
 * A table of the indicator sections, laid out by shared/report-indicator-tables.ts like the
 * HTML page and the workbook: the first column heads its row, the note sits under the caption.
 */
export function IndicatorTable({ table }: { table: ReportTable }) {
  return (
    <ReportBlock>
      <Table caption={table.title}>
        <thead>
          <tr>
            {table.columns.map((c, j) => (
              <Th key={c.label} className={j > 0 && c.kind !== 'text' ? 'text-right' : ''}>
                {c.label}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const total = table.totalRow && i === table.rows.length - 1
            return (
              // Rows are fixed by the layout and never reorder: their place is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i} className={total ? 'font-bold' : undefined}>
                {row.map((value, j) => {
                  const kind = table.columns[j]!.kind
                  if (j === 0)
                    return (
                      <RowTh key={table.columns[j]!.label}>
                        <CellContent value={value} kind={kind} />
                      </RowTh>
                    )
                  return (
                    <Td
                      key={table.columns[j]!.label}
                      className={kind === 'text' ? '' : 'text-right tabular-nums'}
                    >
                      <CellContent value={value} kind={kind} />
                    </Td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </Table>
      {table.note && <p className="mt-2 text-std-16N-170">{table.note}</p>}
    </ReportBlock>
  )
}
