import { Component, lazy, type ReactNode, Suspense, useId } from 'react'
import { Table, Th } from '#web/components/ui/table.tsx'
import { Count, NumTd, RowTh } from './report-table-parts.tsx'

const BarChart = lazy(() => import('./bar-chart.tsx').then((m) => ({ default: m.BarChart })))

/** A chart that fails to load leaves its data table in place instead of breaking the page. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    if (this.state.failed) {
      return (
        <p className="text-std-16N-170">
          グラフを表示できませんでした。横（または下）の表で数値を確認できます。
        </p>
      )
    }
    return this.props.children
  }
}

export interface FigureRow {
  key: string
  label: string
  /** A short label for the chart's axis; the table uses `label`. */
  axisLabel?: string
  count: number
}

/**
 * 図N: a bar chart with its numbers in a table beside it (below it on narrow screens): the exact
 * values for everyone, the chart's content for screen readers, and on paper both side by side.
 */
export function ReportFigure({
  no,
  title,
  head,
  countHead,
  unit = '件',
  rows,
}: {
  no: number
  title: string
  head: string
  countHead: string
  /** The unit on the chart's value axis. */
  unit?: string
  rows: FigureRow[]
}) {
  const id = useId()
  const total = rows.reduce((sum, r) => sum + r.count, 0)
  return (
    <figure aria-labelledby={id} className="report-figure report-block mb-10">
      <figcaption id={id} className="mb-2 text-std-18B-160">
        図{no} {title}（単位：{unit}）
      </figcaption>
      <div className="report-figure-body grid grid-cols-1 items-start gap-4 md:grid-cols-[minmax(0,440px)_minmax(0,320px)]">
        <div
          className="min-w-0"
          role="img"
          aria-label={`図${no}の棒グラフ。数値は横の「図${no}のデータ」の表にあります。`}
        >
          <ChartBoundary>
            <Suspense fallback={<p className="text-std-16N-170">グラフを読み込んでいます…</p>}>
              <BarChart
                labels={rows.map((r) => r.axisLabel ?? r.label)}
                values={rows.map((r) => r.count)}
                unit={unit}
              />
            </Suspense>
          </ChartBoundary>
        </div>
        <div className="report-data">
          <Table caption={`図${no}のデータ`} keepRows>
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
              <tr>
                <RowTh>合計</RowTh>
                <NumTd>
                  <Count n={total} />
                </NumTd>
              </tr>
            </tbody>
          </Table>
        </div>
      </div>
    </figure>
  )
}
