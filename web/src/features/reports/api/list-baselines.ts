import { useQuery } from '@tanstack/react-query'
import { listBaselines } from '#shared/contracts/interchange.ts'
import { callApi } from '#web/lib/api-client.ts'

/** Baseline labels for the report's 比較基準 choice. */
export function useBaselineChoices() {
  return useQuery({
    queryKey: ['baselines'],
    queryFn: () => callApi(listBaselines, {}),
    select: (rows) => rows.map((b) => ({ value: b.label, label: b.label })),
    staleTime: 60_000,
  })
}
