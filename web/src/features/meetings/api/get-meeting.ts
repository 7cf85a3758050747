import { type QueryClient, useQuery } from '@tanstack/react-query'
import { getMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import type { MeetingDetail } from '../meeting-types.ts'

export const meetingKey = (meetingId: string) => ['meetings', 'detail', meetingId] as const

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKey(meetingId),
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
  queryClient.setQueryData(meetingKey(meeting.id), meeting)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] }),
    queryClient.invalidateQueries({ queryKey: ['meetings', 'candidates', meeting.id] }),
    alsoCases ? queryClient.invalidateQueries({ queryKey: ['cases'] }) : null,
  ])
}
