import { useState } from 'react'
import { CASE_LEADS, labelOf } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { formatWareki } from '#shared/dates.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useSupportPlan } from '../api/get-support-plan.ts'
import { ActivityLog } from './activity-log.tsx'
import { ObservedChanges } from './observed-changes.tsx'
import { SupportPlanSection } from './support-plan-section.tsx'

const LEADING = new Set(['ward_section', 'accompaniment', 'specialist'])

/** The accompaniment team's name repeats the lead's label, so a worker is named by their own. */
function leadText(c: CaseDetail): string {
  const who = c.lead === 'accompaniment' ? (c.leadAccountName ?? c.leadUnitName) : c.leadUnitName
  return `${labelOf(CASE_LEADS, c.lead)}${who ? `（${who}）` : ''}`
}

/**
 * 伴走支援 on the case page: the lead worker's plan, activity log and observed changes. The
 * server says whether the reader may write (the lead workers and the case's ward); everyone
 * else who may read the case sees it read-only.
 */
export function SupportPanel({ c }: { c: CaseDetail }) {
  const plan = useSupportPlan(c.id)
  const [flash, setFlash] = useState('')

  const heading = (
    <h2 id="case-support" className="mb-4 text-std-24B-150">
      伴走支援（支援計画・支援記録）
    </h2>
  )
  if (plan.isPending) {
    return (
      <section aria-labelledby="case-support" className="mb-12">
        {heading}
        <Loading what="支援計画" />
      </section>
    )
  }
  if (plan.error) {
    return (
      <section aria-labelledby="case-support" className="mb-12">
        {heading}
        <QueryError error={plan.error} />
      </section>
    )
  }
  const data = plan.data
  if (!data.lead || !LEADING.has(data.lead)) {
    return (
      <section aria-labelledby="case-support" className="mb-12">
        {heading}
        <p className="text-std-16N-170">
          主担当がまだ決まっていません。支援調整会議で主担当が決まると、支援計画・支援内容の記録・本人の変化をここに記録できます。
        </p>
      </section>
    )
  }

  return (
    <section aria-labelledby="case-support" className="mb-12">
      {heading}
      <p className="mb-2 text-std-16N-170">
        主担当：{leadText(c)}
        {c.nextReviewOn && `・次回確認日：${formatWareki(c.nextReviewOn)}`}
      </p>
      {!data.canWrite && (
        <p className="mb-4 text-std-16N-170 text-solid-gray-800">
          閲覧のみです。記録は主担当と担当区の職員が行います。
        </p>
      )}
      <div role="status" className="mb-4 empty:hidden">
        {flash && (
          <p className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170">{flash}</p>
        )}
      </div>
      <div className="flex flex-col gap-10">
        <SupportPlanSection caseId={c.id} plan={data} onSaved={setFlash} />
        <ActivityLog caseId={c.id} canWrite={data.canWrite} onChanged={setFlash} />
        <ObservedChanges caseId={c.id} canWrite={data.canWrite} onChanged={setFlash} />
      </div>
    </section>
  )
}
