import { useQuery } from '@tanstack/react-query'
import { listBaselines } from '#shared/contracts/interchange.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useBaselines() {
  return useQuery({ queryKey: queryKeys.baselines, queryFn: () => callApi(listBaselines, {}) })
}
