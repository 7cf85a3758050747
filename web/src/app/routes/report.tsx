import { useNavigate } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useReport } from '#web/features/reports/api/get-report.ts'
import { useBaselineChoices } from '#web/features/reports/api/list-baselines.ts'
import { ReportDownloads } from '#web/features/reports/components/report-downloads.tsx'
import { ReportFilters } from '#web/features/reports/components/report-filters.tsx'
import { REPORT_TITLE, ReportView } from '#web/features/reports/components/report-view.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { useWardName, useWards } from '#web/lib/reference-data.ts'
import { useMe } from '#web/lib/session.ts'
import { reportRoute } from './report.route.ts'
import { RequireReportRole } from './report-access.tsx'

const TITLE = REPORT_TITLE

/** The page as the router shows it (the route, loaded on first visit: report.route.ts). */
export function GuardedReportPage() {
  return (
    <RequireReportRole title={TITLE}>
      <ReportPage />
    </RequireReportRole>
  )
}

function ReportPage() {
  const me = useMe()
  // A ward coordinator's report is always their ward's (the server fixes it too): a ward in the
  // URL is ignored rather than answered with 403.
  const everyWard = me.can.viewEveryWardReport
  const urlSearch = reportRoute.useSearch()
  const search = everyWard ? urlSearch : { ...urlSearch, ward: undefined }
  const navigate = useNavigate({ from: '/report' })
  const report = useReport(search)
  const wards = useWards()
  const wardName = useWardName()
  const baselines = useBaselineChoices()
  const { from, to } = search
  // The filters remount whenever the URL changes (so Back restores them); the control that
  // applied the change must keep the focus, or keyboard users are thrown to the page top.
  const refocusId = useRef<string | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: it must run after each remount, which follows `search`
  useEffect(() => {
    if (!refocusId.current) return
    document.getElementById(refocusId.current)?.focus()
    refocusId.current = null
  }, [search])

  return (
    <>
      <PageHeading title={TITLE} />
      <p className="mb-6 text-std-16N-170 print:hidden">
        相談窓口の相談件数、対応状況、支援調整会議、アンケートなどを期間を指定して集計します。個人を特定できる情報は含みません。
      </p>
      <ReportFilters
        key={JSON.stringify(search)}
        initial={search}
        onApply={(values) => {
          refocusId.current = document.activeElement?.id || null
          navigate({ search: values })
        }}
        serverErrors={isApiError(report.error) ? report.error.fieldErrors : {}}
        wards={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
        baselines={baselines.data ?? []}
        fixedWard={everyWard ? undefined : wardName(me.unit.wardCode ?? '')}
      />
      {!(from && to) && (
        <Notice tone="info" title="集計する期間を選んでください">
          年度のボタンを押すか、開始日と終了日を入力して「この条件で集計」を押すと表示します。
        </Notice>
      )}
      <div role="status" className="mb-4 empty:hidden print:hidden">
        {report.isFetching && from && to ? '集計しています…' : ''}
      </div>
      {report.isPending && from && to && <Loading what="レポート" />}
      {report.error && <QueryError error={report.error} />}
      {report.data && from && to && (
        <>
          {search.flag8050 === 'true' && (
            <Notice tone="info" title="8050世帯のケースのみの集計です">
              ケースに関する表は、8050世帯のケースだけを数えています。
            </Notice>
          )}
          <ReportDownloads query={{ ...search, from, to }} />
          <ReportView report={report.data} wardName={wardName} />
        </>
      )}
    </>
  )
}
