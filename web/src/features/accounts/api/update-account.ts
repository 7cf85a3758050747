import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateAccount } from '#shared/contracts/accounts.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { accountKey } from './get-account.ts'

export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateAccount>) => callApi(updateAccount, { params: { id }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(accountKey(id), updated)
      await queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] })
    },
  })
}
