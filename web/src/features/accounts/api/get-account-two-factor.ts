import { useQuery } from '@tanstack/react-query'
import { getAccountTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useAccountTwoFactor(id: string) {
  return useQuery({
    queryKey: queryKeys.accounts.twoFactor(id),
    queryFn: () => callApi(getAccountTwoFactor, { params: { id } }),
  })
}
