import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createAgency } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCreateAgency() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (name: string) => callApi(createAgency, { body: { name } }),
    // Every meeting's list of invitable agencies, and the units master data, gain the agency.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.meetings.allInvitable }),
        queryClient.invalidateQueries({ queryKey: queryKeys.units }),
      ]),
  })
}
