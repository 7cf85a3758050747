import { useMutation, useQueryClient } from '@tanstack/react-query'
import { resetPassword } from '#shared/contracts/accounts.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useResetPassword(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(resetPassword, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all }),
  })
}
