import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateAccount } from '#shared/contracts/accounts.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateAccount>) => callApi(updateAccount, { params: { id }, body }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.accounts.detail(id), updated)
      await queryClient.invalidateQueries({ queryKey: queryKeys.accounts.lists })
    },
  })
}
