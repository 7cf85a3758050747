import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { updateReferral } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateReferral(caseId: string, referralId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateReferral>) =>
      callApi(updateReferral, { params: { id: caseId, referralId }, body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.referrals(caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources.all }),
      ])
    },
  })
}
