import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { listFindingEdits, putFindingEdit } from '#shared/contracts/report-findings.ts'
import { type CallInput, callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export interface FindingPeriod {
  from: string
  to: string
  ward: string | null
}

// Under the reports' key, so that an edit refreshes the report (its findings' text) too.
const keyOf = (p: FindingPeriod) => [...queryKeys.reports.all, 'findings', p] as const

/** The period's edited findings with their history (who, when, before and after). */
export function useFindingEdits(p: FindingPeriod) {
  return useQuery({
    queryKey: keyOf(p),
    queryFn: () =>
      callApi(listFindingEdits, { query: { from: p.from, to: p.to, ...(p.ward ? { ward: p.ward } : {}) } }),
    staleTime: 60_000,
  })
}

export function useSaveFindingEdit() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CallInput<typeof putFindingEdit>) => callApi(putFindingEdit, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reports.all }),
  })
}
