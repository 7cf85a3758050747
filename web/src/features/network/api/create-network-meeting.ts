import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { createNetworkMeeting } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeNetworkMeeting } from './get-network-meeting.ts'

export function useCreateNetworkMeeting() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof createNetworkMeeting>) => callApi(createNetworkMeeting, { body }),
    onSuccess: (meeting) => storeNetworkMeeting(queryClient, meeting),
  })
}
