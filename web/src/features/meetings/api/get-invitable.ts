import { useQuery } from '@tanstack/react-query'
import { getInvitable } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useInvitable(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.meetings.invitable(meetingId),
    queryFn: () => callApi(getInvitable, { params: { meetingId } }),
    enabled,
    staleTime: 5 * 60_000,
  })
}
