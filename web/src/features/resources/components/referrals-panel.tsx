import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { labelOf, REFERRAL_OUTCOMES } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import type { Referral } from '#shared/contracts/resources.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useMe } from '#web/lib/session.ts'
import { useReferrals } from '../api/list-referrals.ts'
import { ReferralForm } from './referral-form.tsx'
import { ReferralOutcomeForm } from './referral-outcome-form.tsx'

const OUTCOME_STYLE: Record<Referral['outcome'], string> = {
  arranging: 'border-solid-gray-600 text-solid-gray-900',
  connected: 'border-success-2 text-success-2',
  not_used: 'border-solid-gray-600 text-solid-gray-800',
}

function ReferralEntry({
  caseId,
  referral: r,
  canWrite,
  onChanged,
}: {
  caseId: string
  referral: Referral
  canWrite: boolean
  onChanged: (message: string) => void
}) {
  const [editing, setEditing] = useState(false)
  const headingId = `referral-${r.id}-title`
  return (
    <li className="border-l-4 border-key-900 pl-4">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-std-18B-160">
          {r.resourceName}
          {!r.resourceActive && <span className="ml-2 text-std-16N-170">（利用終了）</span>}
        </h3>
        <p className="mt-1 flex flex-wrap items-center gap-3 text-std-16N-170">
          <span>つないだ日：{formatWareki(r.referredOn)}</span>
          <span className={`rounded-4 border-2 px-2 text-std-16B-170 ${OUTCOME_STYLE[r.outcome]}`}>
            {labelOf(REFERRAL_OUTCOMES, r.outcome)}
            {r.outcomeOn && `（${formatWareki(r.outcomeOn)}）`}
          </span>
        </p>
        <p className="text-std-16N-170 text-solid-gray-800">記録者：{r.accountName ?? '不明'}</p>
        {r.note && <p className="mt-1 whitespace-pre-wrap text-std-16N-170">{r.note}</p>}
        {canWrite &&
          (editing ? (
            <div className="mt-4 rounded-8 border border-solid-gray-300 p-4">
              <ReferralOutcomeForm
                caseId={caseId}
                referral={r}
                onDone={() => {
                  setEditing(false)
                  onChanged(`「${r.resourceName}」へのつなぎの結果を記録しました。`)
                  focusSoon(`referral-${r.id}-edit`)
                }}
                onCancel={() => {
                  setEditing(false)
                  focusSoon(`referral-${r.id}-edit`)
                }}
              />
            </div>
          ) : (
            <Button
              id={`referral-${r.id}-edit`}
              variant="tertiary"
              size="sm"
              className="mt-2"
              onClick={() => {
                setEditing(true)
                focusSoon(`referral-${r.id}-outcome`)
              }}
            >
              結果を記録<span className="sr-only">（{r.resourceName}）</span>
            </Button>
          ))}
      </article>
    </li>
  )
}

/**
 * 社会資源へのつなぎ on the case page: the case's referrals with their outcomes, and the forms
 * to refer and record an outcome. Whoever may read the case may record (the server decides);
 * headquarters and administrators never see case pages.
 */
export function ReferralsPanel({ c }: { c: CaseDetail }) {
  const me = useMe()
  const canWrite = me.can.readCases
  const referrals = useReferrals(c.id)
  const [adding, setAdding] = useState(false)
  const [flash, setFlash] = useState('')

  return (
    <section aria-labelledby="case-referrals" className="mb-12">
      <h2 id="case-referrals" className="mb-4 text-std-24B-150">
        社会資源へのつなぎ
      </h2>
      <div role="status" className="mb-4 empty:hidden">
        {flash && (
          <p className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170">{flash}</p>
        )}
      </div>
      {canWrite &&
        (adding ? (
          <section aria-labelledby="referral-new" className="mb-8 rounded-8 border border-solid-gray-300 p-6">
            <h3 id="referral-new" className="mb-6 text-std-20B-150">
              社会資源につなぐ
            </h3>
            <ReferralForm
              caseId={c.id}
              onDone={(name) => {
                setAdding(false)
                setFlash(`「${name}」へのつなぎを記録しました。結果が分かったら記録してください。`)
                focusSoon('referral-add-open')
              }}
              onCancel={() => {
                setAdding(false)
                focusSoon('referral-add-open')
              }}
            />
          </section>
        ) : (
          <Button
            id="referral-add-open"
            className="mb-6"
            onClick={() => {
              setAdding(true)
              focusSoon('referral-new-filter')
            }}
          >
            社会資源につなぐ
          </Button>
        ))}
      {referrals.isPending && <Loading what="つなぎの記録" />}
      {referrals.error && <QueryError error={referrals.error} />}
      {referrals.data && referrals.data.length === 0 && (
        <p className="text-std-16N-170">
          まだ社会資源につないでいません。つなぎ先は<Link to="/resources">社会資源の一覧</Link>
          で確かめられます。
        </p>
      )}
      {referrals.data && referrals.data.length > 0 && (
        <ol className="flex flex-col gap-6">
          {referrals.data.map((r) => (
            <ReferralEntry key={r.id} caseId={c.id} referral={r} canWrite={canWrite} onChanged={setFlash} />
          ))}
        </ol>
      )}
    </section>
  )
}
