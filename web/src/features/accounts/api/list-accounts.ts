import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { listAccounts } from '#shared/contracts/accounts.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'

export type AccountListQuery = QueryOf<typeof listAccounts>

export function useAccountList(query: AccountListQuery) {
  return useQuery({
    queryKey: ['accounts', 'list', query],
    queryFn: () => callApi(listAccounts, { query }),
    placeholderData: keepPreviousData,
  })
}
