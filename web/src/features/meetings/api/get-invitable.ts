import { useQuery } from '@tanstack/react-query'
import { getInvitable } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

export const invitableKey = (meetingId: string) => ['meetings', 'invitable', meetingId] as const

export function useInvitable(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitableKey(meetingId),
    queryFn: () => callApi(getInvitable, { params: { meetingId } }),
    enabled,
    staleTime: 5 * 60_000,
  })
}
