import { type QueryClient, useQuery } from '@tanstack/react-query'
import { getMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import type { MeetingDetail } from '../meeting-types.ts'

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: queryKeys.meetings.detail(meetingId),
    queryFn: () => callApi(getMeeting, { params: { meetingId } }),
  })
}

/**
 * After a change that answers with the whole meeting: show that answer at once, and refetch
 * what it affects behind it (lists, home, candidates; `alsoCases` when a case changed too).
 */
export async function storeMeeting(
  queryClient: QueryClient,
  meeting: MeetingDetail,
  { alsoCases = false }: { alsoCases?: boolean } = {},
) {
  queryClient.setQueryData(queryKeys.meetings.detail(meeting.id), meeting)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.lists }),
    queryClient.invalidateQueries({ queryKey: queryKeys.meetings.candidates(meeting.id) }),
    alsoCases ? queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }) : null,
  ])
}
