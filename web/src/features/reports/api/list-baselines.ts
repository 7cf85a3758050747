import { useQuery } from '@tanstack/react-query'
import { listBaselines } from '#shared/contracts/interchange.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** Baseline labels for the report's 比較基準 choice. */
export function useBaselineChoices() {
  return useQuery({
    queryKey: queryKeys.baselines,
    queryFn: () => callApi(listBaselines, {}),
    select: (rows) => rows.map((b) => ({ value: b.label, label: b.label })),
    staleTime: 60_000,
  })
}
