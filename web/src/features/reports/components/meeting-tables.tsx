import { CASE_LEADS, NEW_CASE_ROUTES } from '#shared/codes.ts'
import type { Report } from '#shared/contracts/reports.ts'
import { fiscalYearLabel } from '#shared/dates.ts'
import { CountTable } from './report-table-parts.tsx'

/** 支援調整会議実績: meetings held, cases reviewed, and the new cases by route and by lead. */
export function MeetingTables({ data }: { data: Report['meetings'] }) {
  return (
    <>
      <CountTable
        caption="支援調整会議実績"
        head="項目"
        countHead="件数"
        rows={[
          { key: 'held', label: '開催回数', count: data.held },
          { key: 'casesReviewed', label: '検討ケース数（実数）', count: data.casesReviewed },
          { key: 'reviews', label: '検討ケース数（延べ）', count: data.reviews },
          { key: 'agencies', label: '出席関係機関数', count: data.agencies },
        ]}
      />
      <CountTable
        caption="新規ケース経路"
        head="経路"
        countHead="ケース数"
        rows={NEW_CASE_ROUTES.map((r) => ({
          key: r.code,
          label: r.label,
          count: data.newCaseRoutes[r.code],
        }))}
      />
      <CountTable
        caption="新規ケース主担当"
        head="主担当"
        countHead="ケース数"
        rows={CASE_LEADS.map((l) => ({ key: l.code, label: l.label, count: data.newCaseLeads[l.code] }))}
      />
    </>
  )
}

/** 補助金採択事業数: resources adopted for subsidy per fiscal year overlapping the period. */
export function SubsidyTable({ rows }: { rows: Report['resources']['subsidisedProjects'] }) {
  if (rows.length === 0) {
    return <p className="mb-8 text-std-16N-170">この期間に補助金を採択した事業はありません。</p>
  }
  return (
    <CountTable
      caption="補助金採択事業数"
      head="年度"
      countHead="事業数"
      rows={rows.map((r) => ({
        key: String(r.fiscalYear),
        label: fiscalYearLabel(r.fiscalYear),
        count: r.count,
      }))}
    />
  )
}
