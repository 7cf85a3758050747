import { useQuery } from '@tanstack/react-query'
import { listBaselines } from '#shared/contracts/interchange.ts'
import { callApi } from '#web/lib/api-client.ts'

export const baselinesKey = ['baselines'] as const

export function useBaselines() {
  return useQuery({ queryKey: baselinesKey, queryFn: () => callApi(listBaselines, {}) })
}
