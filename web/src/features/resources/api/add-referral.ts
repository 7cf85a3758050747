import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { addReferral } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useAddReferral(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof addReferral>) => callApi(addReferral, { params: { id: caseId }, body }),
    onSuccess: async () => {
      // The referral shows in the case's history and in the resource's counts too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.referrals(caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.resources.all }),
      ])
    },
  })
}
