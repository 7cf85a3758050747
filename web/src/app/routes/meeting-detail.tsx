import { Link, useNavigate } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { buttonClass } from '#web/components/ui/button.tsx'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMeeting } from '#web/features/meetings/api/get-meeting.ts'
import { CoordinatorMeetingView } from '#web/features/meetings/components/coordinator-meeting-view.tsx'
import { ReaderMeetingView } from '#web/features/meetings/components/reader-meeting-view.tsx'
import { meetingDateText } from '#web/features/meetings/meeting-format.ts'
import { useMe } from '#web/lib/session.ts'
import { RequireAbility } from '../require-role.tsx'
import { meetingDetailRoute } from './meeting-detail.route.ts'

/** The page as the router shows it (the route, loaded on first visit: meeting-detail.route.ts). */
export function GuardedMeetingDetailPage() {
  return (
    <RequireAbility ability="readMeetings">
      <MeetingDetailPage />
    </RequireAbility>
  )
}

function MeetingDetailPage() {
  const { meetingId } = meetingDetailRoute.useParams()
  const { created } = meetingDetailRoute.useSearch()
  const me = useMe()
  const detail = useMeeting(meetingId)
  const [flash, setFlash] = useState(created ? '会議を予定しました。出席者と議題を登録してください。' : '')
  const navigate = useNavigate({ from: '/meetings/$meetingId' })
  // The message is shown once: a reload or a bookmark of this address should not repeat it.
  useEffect(() => {
    if (created) navigate({ search: {}, replace: true })
  }, [created, navigate])

  if (detail.isPending) return <Loading what="会議" />
  if (detail.error) {
    return (
      <>
        <PageHeading title="会議を表示できません" />
        <QueryError error={detail.error} about="record" />
        <p className="mt-6">
          <Link to="/meetings">支援調整会議の一覧へ戻る</Link>
        </p>
      </>
    )
  }
  const meeting = detail.data
  const readsMinutes = me.can.readMinutes

  return (
    <>
      <p className="mb-2 print:hidden">
        <Link to="/meetings">支援調整会議の一覧</Link>
      </p>
      <PageHeading title={`支援調整会議 ${meetingDateText(meeting.heldOn)}`}>
        {readsMinutes && (
          <Link to="/meetings/$meetingId/minutes" params={{ meetingId }} className={buttonClass('secondary')}>
            議事録
          </Link>
        )}
      </PageHeading>
      <FlashStatus message={flash} />
      {meeting.access.canEdit ? (
        <CoordinatorMeetingView meeting={meeting} onDone={setFlash} />
      ) : (
        <ReaderMeetingView meeting={meeting} />
      )}
    </>
  )
}
