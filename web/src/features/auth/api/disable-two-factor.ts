import { useMutation, useQueryClient } from '@tanstack/react-query'
import { disableTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { twoFactorKey } from './two-factor-status.ts'

export function useDisableTwoFactor() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (password: string) => callApi(disableTwoFactor, { body: { password } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorKey }),
  })
}
