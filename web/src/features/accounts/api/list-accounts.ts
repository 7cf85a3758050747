import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { listAccounts } from '#shared/contracts/accounts.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type AccountListQuery = QueryOf<typeof listAccounts>

export function useAccountList(query: AccountListQuery) {
  return useQuery({
    queryKey: queryKeys.accounts.list(query),
    queryFn: () => callApi(listAccounts, { query }),
    placeholderData: keepPreviousData,
  })
}
