import { useMutation, useQueryClient } from '@tanstack/react-query'
import { updateSettings } from '#shared/contracts/audit.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateSettings>) => callApi(updateSettings, { body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved)
      // The work list's "no contact for N days" and the caseload flags depend on them.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.worklist }),
        queryClient.invalidateQueries({ queryKey: queryKeys.support.allCaseloads }),
      ])
    },
  })
}
