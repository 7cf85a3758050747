import { useQuery } from '@tanstack/react-query'
import { getMeetingCandidates } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

export function useMeetingCandidates(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'candidates', meetingId],
    queryFn: () => callApi(getMeetingCandidates, { params: { meetingId } }),
    enabled,
  })
}
