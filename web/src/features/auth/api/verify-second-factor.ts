import { useMutation, useQueryClient } from '@tanstack/react-query'
import { verifySecondFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useVerifySecondFactor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (code: string) => callApi(verifySecondFactor, { body: { code } }),
    onSuccess: async () => {
      queryClient.clear()
      await queryClient.invalidateQueries({ queryKey: queryKeys.session })
    },
  })
}
