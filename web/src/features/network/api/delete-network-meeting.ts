import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteNetworkMeeting } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useDeleteNetworkMeeting(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(deleteNetworkMeeting, { params: { id } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.network.detail(id) })
      await queryClient.invalidateQueries({ queryKey: queryKeys.network.lists })
    },
  })
}
