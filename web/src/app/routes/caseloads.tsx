import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { useCaseloads } from '#web/features/accompaniment/api/get-caseloads.ts'
import { WardTable, WorkerTable } from '#web/features/accompaniment/components/caseload-tables.tsx'
import { useWardName, useWards } from '#web/lib/reference-data.ts'
import { useMe } from '#web/lib/session.ts'
import { RequireAbility } from '../require-role.tsx'
import { caseloadsRoute } from './caseloads.route.ts'

/** The page as the router shows it (the route, loaded on first visit: caseloads.route.ts). */
export function GuardedCaseloadsPage() {
  return (
    <RequireAbility ability="viewCaseloads">
      <CaseloadsPage />
    </RequireAbility>
  )
}

/** Headquarters choose a ward (or the whole city); the choice lives in the URL. */
function WardFilter({ ward }: { ward: string | undefined }) {
  const wards = useWards()
  const navigate = useNavigate({ from: '/caseloads' })
  const [value, setValue] = useState(ward ?? '')
  return (
    <form
      className="mb-8 flex flex-wrap items-end gap-4"
      onSubmit={(e) => {
        e.preventDefault()
        navigate({ search: value ? { ward: value } : {} })
      }}
    >
      <SelectField
        id="ward"
        label="区"
        plain
        emptyLabel="全市（すべての区）"
        options={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
        value={value}
        onValueChange={setValue}
      />
      <Button type="submit" variant="secondary">
        表示する
      </Button>
    </form>
  )
}

function CaseloadsPage() {
  const me = useMe()
  const search = caseloadsRoute.useSearch()
  const hq = me.can.viewEveryWardCaseloads
  const ward = hq ? search.ward : undefined
  const caseloads = useCaseloads(ward)
  const wardName = useWardName()
  const data = caseloads.data

  return (
    <>
      <PageHeading title="担当状況" />
      <p className="mb-6 max-w-3xl text-std-16N-170">
        主担当として担当している終結していないケースの件数です。一人で抱え込まないよう、担当件数が役割ごとの上限を超えた担当者には「上限超過」と表示します。
        {hq && '表示するのは件数と担当者名だけで、ケースの個人情報は含みません。'}
      </p>
      {hq && <WardFilter key={ward ?? ''} ward={ward} />}
      {caseloads.isPending && <Loading what="担当状況" />}
      {caseloads.error && <QueryError error={caseloads.error} />}
      {data && (
        <div className="flex flex-col gap-12">
          <section aria-labelledby="caseload-rules">
            <h2 id="caseload-rules" className="mb-2 text-std-20B-150">
              上限と数え方
            </h2>
            <ul className="list-disc pl-6 text-std-16N-170">
              <li>
                上限：よりそい支援員 {data.thresholds.accompaniment_worker}件、保健福祉センター各課・室{' '}
                {data.thresholds.ward_staff}件、専門機関・NPO等 {data.thresholds.agency_member}
                件（担当件数がこれを超えると「上限超過」。システム管理者が設定で変更できます）
              </li>
              <li>
                {data.noActivityDays}
                日以上記録なし：最後の支援内容の記録から{data.noActivityDays}
                日以上たったケース。記録がまだないケースは、主担当を決めた会議の日（会議の記録がなければ受付日）から数えます
              </li>
              <li>確認期限超過：次回確認日が今日より前のケース</li>
            </ul>
          </section>
          <section aria-labelledby="caseload-workers">
            <h2 id="caseload-workers" className="mb-4 text-std-24B-150">
              担当者別{data.ward ? `（${wardName(data.ward)}のケースを担当している担当者）` : ''}
            </h2>
            <WorkerTable workers={data.workers} ward={data.ward} noActivityDays={data.noActivityDays} />
          </section>
          <section aria-labelledby="caseload-wards">
            <h2 id="caseload-wards" className="mb-4 text-std-24B-150">
              区別
            </h2>
            <WardTable wards={data.wards} noActivityDays={data.noActivityDays} />
          </section>
        </div>
      )}
    </>
  )
}
