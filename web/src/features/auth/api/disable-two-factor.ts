import { useMutation, useQueryClient } from '@tanstack/react-query'
import { disableTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useDisableTwoFactor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (password: string) => callApi(disableTwoFactor, { body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor }),
  })
}
