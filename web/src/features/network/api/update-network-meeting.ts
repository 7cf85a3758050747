import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { updateNetworkMeeting } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeNetworkMeeting } from './get-network-meeting.ts'

export function useUpdateNetworkMeeting(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateNetworkMeeting>) =>
      callApi(updateNetworkMeeting, { params: { id }, body }),
    onSuccess: (meeting) => storeNetworkMeeting(queryClient, meeting),
  })
}
