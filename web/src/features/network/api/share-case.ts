import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { shareCase } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useShareCase(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof shareCase>) => callApi(shareCase, { params: { id: meetingId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.network.all }),
  })
}
