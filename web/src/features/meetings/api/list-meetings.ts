import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listMeetings } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type MeetingListQuery = QueryOf<typeof listMeetings>

export function useMeetings(query: MeetingListQuery) {
  return useQuery({
    queryKey: queryKeys.meetings.list(query),
    queryFn: () => callApi(listMeetings, { query }),
    placeholderData: keepPreviousData,
  })
}
