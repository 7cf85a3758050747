import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listMeetings } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

export type MeetingListQuery = QueryOf<typeof listMeetings>

/** Every meetings query starts with this, so one invalidation refreshes lists and details alike. */
export const meetingsRootKey = ['meetings'] as const
export const meetingListKey = (query: MeetingListQuery) => ['meetings', 'list', query] as const

export function useMeetings(query: MeetingListQuery) {
  return useQuery({
    queryKey: meetingListKey(query),
    queryFn: () => callApi(listMeetings, { query }),
    placeholderData: keepPreviousData,
  })
}
