import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resetAccountTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useResetAccountTwoFactor(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(resetAccountTwoFactor, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.twoFactor(id) }),
  })
}
