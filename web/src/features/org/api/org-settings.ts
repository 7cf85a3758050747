import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Contract } from '#shared/contracts/define.ts'
import { getOrgSettings, listOrgHistory } from '#shared/contracts/org-settings.ts'
import { type CallInput, callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useOrgSettings() {
  return useQuery({ queryKey: queryKeys.org.all, queryFn: () => callApi(getOrgSettings, {}) })
}

export function useOrgHistory() {
  return useQuery({ queryKey: queryKeys.org.history, queryFn: () => callApi(listOrgHistory, {}) })
}

/**
 * A change to the organisation: afterwards the page's data and the master data every form reads
 * (wards, units: cached for the visit) are fetched again.
 */
export function useOrgChange<C extends Contract>(contract: C) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CallInput<C>) => callApi(contract, input),
    onSuccess: () =>
      Promise.all(
        [queryKeys.org.all, queryKeys.wards, queryKeys.units, queryKeys.staff].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  })
}
