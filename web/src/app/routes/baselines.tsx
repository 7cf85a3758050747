import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { BaselinesPanel } from '#web/features/baselines/components/baselines-panel.tsx'
import { RequireReportRole } from './report-access.tsx'

const TITLE = '比較基準'

/** The page as the router shows it (the route, loaded on first visit: baselines.route.ts). */
export function GuardedBaselinesPage() {
  return (
    <RequireReportRole title={TITLE} ability="importLedger">
      <PageHeading title={TITLE} />
      <p className="mb-8 max-w-3xl text-std-16N-170">
        評価レポートの表2で今期と比べる、過去の相談件数です（例：相談窓口を再編する前の令和元年度の件数）。システムで集計していない期間の数値を手入力します。
      </p>
      <BaselinesPanel />
    </RequireReportRole>
  )
}
