import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateSupportPlan } from '#shared/contracts/accompaniment.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { invalidateCase } from './invalidate.ts'

export function useUpdateSupportPlan(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateSupportPlan>) =>
      callApi(updateSupportPlan, { params: { id: caseId }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(queryKeys.support.plan(caseId), saved)
      await invalidateCase(queryClient, caseId)
    },
  })
}
