import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateCase(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateCase>) => callApi(updateCase, { params: { id }, body }),
    onSuccess: async (updated) => {
      // The answer is the new state; lists, work list and history are refetched behind it.
      queryClient.setQueryData(queryKeys.cases.detail(id), updated)
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases.all, refetchType: 'active' })
    },
  })
}
