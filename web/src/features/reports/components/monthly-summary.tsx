import { Link } from '@tanstack/react-router'
import type { Report } from '#shared/contracts/reports.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { Table, Th } from '#web/components/ui/table.tsx'
import { useReport } from '../api/get-report.ts'
import { monthlyPeriods, type PeriodShortcut } from '../report-search.ts'
import { Count, NumTd, RowTh } from './report-table-parts.tsx'

/** The figures headquarters checks each month (PDCA), read from the same report as the full page. */
const KEY_FIGURES: { key: string; label: string; of: (r: Report) => number }[] = [
  { key: 'cases', label: '新規相談件数（相談窓口）', of: (r) => r.consultations.total },
  { key: 'contacts', label: '延べ対応回数', of: (r) => r.consultations.contacts.total.total },
  { key: 'inPerson', label: 'うち面談', of: (r) => r.consultations.contacts.byMethod.in_person.total },
  {
    key: 'handedOver',
    label: '保健福祉センターへ引継ぎ（期間末）',
    of: (r) => r.consultations.outcomesAtEnd.handed_over,
  },
  { key: 'held', label: '支援調整会議の開催回数', of: (r) => r.meetings.held },
  { key: 'reviewed', label: '会議での検討ケース数（実数）', of: (r) => r.meetings.casesReviewed },
]

function ReportLink({ period, children }: { period: PeriodShortcut; children: string }) {
  return (
    <Link to="/report" search={{ from: period.from, to: period.to }}>
      {children}
    </Link>
  )
}

/**
 * 月次の確認: the past month and the fiscal year to date, computed when the home page opens (no
 * button, no stored run), so that on the first of each month the new figures are simply there.
 */
export function MonthlySummary({ today }: { today?: string }) {
  const { month, yearToDate } = monthlyPeriods(today)
  const ofMonth = useReport({ from: month.from, to: month.to })
  const ofYear = useReport({ from: yearToDate.from, to: yearToDate.to })
  const error = ofMonth.error ?? ofYear.error
  return (
    <section aria-labelledby="monthly-summary" className="mb-10 max-w-3xl">
      <h2 id="monthly-summary" className="mb-2 text-std-20B-150">
        月次の確認（全市）
      </h2>
      <p className="mb-4 text-std-16N-170">
        先月と今年度の累計の主な件数です。ページを開いたときに集計します。
      </p>
      {error && <QueryError error={error} />}
      {(ofMonth.isPending || ofYear.isPending) && !error && <Loading what="月次の件数" />}
      {ofMonth.data && ofYear.data && (
        <Table caption={`主な件数：${month.label}と${yearToDate.label}`}>
          <thead>
            <tr>
              <Th>項目</Th>
              <Th className="text-right">{month.label}</Th>
              <Th className="text-right">{yearToDate.label}</Th>
            </tr>
          </thead>
          <tbody>
            {KEY_FIGURES.map((f) => (
              <tr key={f.key}>
                <RowTh>{f.label}</RowTh>
                <NumTd>
                  <Count n={f.of(ofMonth.data)} />
                </NumTd>
                <NumTd>
                  <Count n={f.of(ofYear.data)} />
                </NumTd>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ul className="mt-4 flex flex-col gap-2 text-std-16N-170">
        <li>
          <ReportLink period={month}>{`${month.label}の評価レポートを開く`}</ReportLink>
        </li>
        <li>
          <ReportLink period={yearToDate}>{`${yearToDate.label}の評価レポートを開く`}</ReportLink>
        </li>
      </ul>
    </section>
  )
}
