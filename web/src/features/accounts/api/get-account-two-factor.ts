import { useQuery } from '@tanstack/react-query'
import { getAccountTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'

export const accountTwoFactorKey = (id: string) => ['accounts', id, 'two-factor'] as const

export function useAccountTwoFactor(id: string) {
  return useQuery({
    queryKey: accountTwoFactorKey(id),
    queryFn: () => callApi(getAccountTwoFactor, { params: { id } }),
  })
}
