import { Link } from '@tanstack/react-router'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMeeting } from '#web/features/meetings/api/get-meeting.ts'
import { MeetingMinutesView } from '#web/features/meetings/components/meeting-minutes-view.tsx'
import { meetingDateText } from '#web/features/meetings/meeting-format.ts'
import { RequireAbility } from '../require-role.tsx'
import { meetingMinutesRoute } from './meeting-minutes.route.ts'

/** The page as the router shows it (the route, loaded on first visit: meeting-minutes.route.ts). */
export function GuardedMeetingMinutesPage() {
  return (
    <RequireAbility ability="readMinutes">
      <MeetingMinutesPage />
    </RequireAbility>
  )
}

function MeetingMinutesPage() {
  const { meetingId } = meetingMinutesRoute.useParams()
  const detail = useMeeting(meetingId)

  if (detail.isPending) return <Loading what="議事録" />
  if (detail.error) {
    return (
      <>
        <PageHeading title="議事録を表示できません" />
        <QueryError error={detail.error} about="record" />
        <p className="mt-6">
          <Link to="/meetings">支援調整会議の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const meeting = detail.data
  return (
    <>
      <p className="mb-2 print:hidden">
        <Link to="/meetings/$meetingId" params={{ meetingId }}>
          会議のページへ戻る
        </Link>
      </p>
      <PageHeading title={`議事録　${meeting.wardName} 支援調整会議 ${meetingDateText(meeting.heldOn)}`} />
      <MeetingMinutesView meeting={meeting} />
    </>
  )
}
