import { Link } from '@tanstack/react-router'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { MeetingNo } from '#web/components/record-no.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMe } from '#web/lib/session.ts'
import { useCaseReviews } from '../api/list-case-reviews.ts'
import { meetingDateText } from '../meeting-format.ts'
import { agendaKindText } from './agenda-case-facts.tsx'
import { DecisionView } from './decision-view.tsx'

/** The meetings that discussed a case and what each decided, newest first. */
export function CaseMeetingsPanel({ c }: { c: CaseDetail }) {
  const me = useMe()
  const reviews = useCaseReviews(c.id)
  // Lead workers read the case but not the ward's meeting pages: no link that would only say 404.
  const linksMeetings = me.can.readMinutes

  return (
    <section aria-labelledby="case-meetings" className="mb-12">
      <h2 id="case-meetings" className="mb-4 text-std-24B-150">
        支援調整会議での決定
      </h2>
      {reviews.isPending && <Loading what="会議での決定" />}
      {reviews.error && <QueryError error={reviews.error} />}
      {reviews.data && reviews.data.length === 0 && (
        <p className="text-std-16N-170">このケースはまだ支援調整会議で検討されていません。</p>
      )}
      {reviews.data && reviews.data.length > 0 && (
        <ol className="flex flex-col gap-8">
          {reviews.data.map((r) => (
            <li key={r.decision.reviewId}>
              <h3 className="mb-2 text-std-20B-150">
                {linksMeetings ? (
                  <Link to="/meetings/$meetingId" params={{ meetingId: r.meetingId }}>
                    {meetingDateText(r.heldOn)}の会議
                  </Link>
                ) : (
                  `${meetingDateText(r.heldOn)}の会議`
                )}
                <span className="ml-3 text-std-16N-170">
                  {agendaKindText(r)}（<MeetingNo meetingNo={r.meetingNo} />）
                </span>
              </h3>
              <DecisionView decision={r.decision} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
