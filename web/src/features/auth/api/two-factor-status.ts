import { useQuery } from '@tanstack/react-query'
import { getTwoFactor } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'

export const twoFactorKey = ['two-factor'] as const

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKey, queryFn: () => callApi(getTwoFactor, {}) })
}
