import { useQuery } from '@tanstack/react-query'
import { getTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useTwoFactorStatus() {
  return useQuery({ queryKey: queryKeys.twoFactor, queryFn: () => callApi(getTwoFactor, {}) })
}
