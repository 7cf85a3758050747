import { useQuery } from '@tanstack/react-query'
import { getMeetingCandidates } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useMeetingCandidates(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.meetings.candidates(meetingId),
    queryFn: () => callApi(getMeetingCandidates, { params: { meetingId } }),
    enabled,
  })
}
