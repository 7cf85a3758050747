import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteNetworkMeeting } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { networkMeetingKey } from './get-network-meeting.ts'
import { networkRootKey } from './list-network-meetings.ts'

export function useDeleteNetworkMeeting(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(deleteNetworkMeeting, { params: { id } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: networkMeetingKey(id) })
      await queryClient.invalidateQueries({ queryKey: [...networkRootKey, 'list'] })
    },
  })
}
