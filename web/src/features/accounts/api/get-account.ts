import { useQuery } from '@tanstack/react-query'
import { getAccount } from '#shared/contracts/accounts.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useAccount(id: string) {
  return useQuery({
    queryKey: queryKeys.accounts.detail(id),
    queryFn: () => callApi(getAccount, { params: { id } }),
  })
}
