import { MeetingPapersPage } from '#web/features/meetings/components/meeting-papers-page.tsx'
import { RequireAbility } from '../require-role.tsx'
import { meetingPapersRoute } from './meeting-papers.route.ts'

/** The page as the router shows it (the route, loaded on first visit: meeting-papers.route.ts). */
export function GuardedMeetingPapersPage() {
  return (
    <RequireAbility ability="runMeetings">
      <MeetingPapersRoutePage />
    </RequireAbility>
  )
}

function MeetingPapersRoutePage() {
  const { meetingId } = meetingPapersRoute.useParams()
  const search = meetingPapersRoute.useSearch()
  const navigate = meetingPapersRoute.useNavigate()
  return (
    <MeetingPapersPage
      meetingId={meetingId}
      audience={search.for ?? 'ward'}
      onAudienceChange={(value) =>
        navigate({ search: value === 'ward' ? {} : { for: value }, replace: true })
      }
    />
  )
}
