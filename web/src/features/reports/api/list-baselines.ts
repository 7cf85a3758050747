import { useQuery } from '@tanstack/react-query'
import { z } from 'zod'
import { defineContract } from '../../../../../shared/contracts/define.ts'
import { callApi } from '../../../lib/api-client.ts'

// TEMPORARY until shared/contracts/interchange.ts lands with the baselines contract.
const listBaselines = defineContract({
  method: 'GET',
  path: '/api/baselines',
  summary: 'Baselines',
  tags: ['baselines'],
  response: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() })),
})

/** Baseline labels for the report's 比較基準 choice. */
export function useBaselineChoices() {
  return useQuery({
    queryKey: ['baselines'],
    queryFn: () => callApi(listBaselines, {}),
    select: (rows) => rows.map((b) => ({ value: b.label, label: b.label })),
    staleTime: 60_000,
  })
}
