import { useMutation, useQueryClient } from '@tanstack/react-query'
import { unshareCase } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUnshareCase(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (shareId: string) => callApi(unshareCase, { params: { id: meetingId, shareId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
  })
}
