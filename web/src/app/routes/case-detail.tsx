import { Link } from '@tanstack/react-router'
import { useEffect, useRef, useState } from 'react'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { SupportPanel } from '#web/features/accompaniment/components/support-panel.tsx'
import { useCase } from '#web/features/cases/api/get-case.ts'
import { CaseActions } from '#web/features/cases/components/case-actions.tsx'
import { CaseHistory } from '#web/features/cases/components/case-history.tsx'
import { CaseOverview } from '#web/features/cases/components/case-overview.tsx'
import { Household8050Badge } from '#web/features/cases/components/household-8050-badge.tsx'
import { ContactTimeline } from '#web/features/contacts/components/contact-timeline.tsx'
import { RecordContactPanel } from '#web/features/contacts/components/record-contact-panel.tsx'
import { WardPanel } from '#web/features/handovers/components/ward-panel.tsx'
import { CaseMeetingsPanel } from '#web/features/meetings/components/case-meetings-panel.tsx'
import { PeoplePanel } from '#web/features/people/components/people-panel.tsx'
import { ReferralsPanel } from '#web/features/resources/components/referrals-panel.tsx'
import { useCan } from '#web/lib/session.ts'
import { RequireCaseReader } from '../require-role.tsx'
import { caseDetailRoute } from './case-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: case-detail.route.ts). */
export function GuardedCaseDetailPage() {
  return (
    <RequireCaseReader>
      <CaseDetailPage />
    </RequireCaseReader>
  )
}

function CaseDetailPage() {
  const { id } = caseDetailRoute.useParams()
  const detail = useCase(id)
  // Lead workers read the case and log their support; intake and contacts stay with the window and ward.
  const intake = useCan().recordIntake
  // A count with the text, so that the same message twice (two contacts in a row) moves focus again.
  const [flash, setFlashState] = useState({ text: '', n: 0 })
  const setFlash = (text: string) => setFlashState((f) => ({ text, n: f.n + 1 }))
  const flashRef = useRef<HTMLDivElement>(null)
  // After a save the form closes: the message takes focus, so it is in view and keyboard users
  // carry on from there rather than from the top of the page.
  useEffect(() => {
    if (flash.n > 0) flashRef.current?.focus()
  }, [flash.n])

  if (detail.isPending) return <Loading what="ケース" />
  if (detail.error) {
    return (
      <>
        <PageHeading title="ケースを表示できません" />
        <QueryError error={detail.error} about="record" />
        <p className="mt-6">
          <Link to="/cases">ケース一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const c = detail.data

  return (
    <>
      <PageHeading title={`ケース ${c.caseNo}${c.name ? `（${c.name}）` : ''}`} />
      {c.household8050 && <Household8050Badge />}
      <FlashStatus message={flash.text} ref={flashRef} />
      {intake && <RecordContactPanel caseId={c.id} onSaved={setFlash} />}

      <section aria-labelledby="case-basic" className="mb-12">
        <h2 id="case-basic" className="mb-4 text-std-24B-150">
          基本情報
        </h2>
        <CaseOverview c={c} />
        {intake && (
          <div className="mt-6">
            <CaseActions c={c} onDone={setFlash} />
          </div>
        )}
      </section>

      <PeoplePanel c={c} canWrite={intake} />
      <WardPanel c={c} />
      <CaseMeetingsPanel c={c} />
      <SupportPanel c={c} />
      <ReferralsPanel c={c} />

      <section aria-labelledby="case-contacts" className="mb-12">
        <h2 id="case-contacts" className="mb-4 text-std-24B-150">
          対応記録
        </h2>
        <ContactTimeline caseId={c.id} onChanged={intake ? setFlash : undefined} />
      </section>

      <section aria-labelledby="case-history">
        <h2 id="case-history" className="mb-4 text-std-24B-150">
          変更履歴
        </h2>
        <CaseHistory caseId={c.id} />
      </section>
    </>
  )
}
