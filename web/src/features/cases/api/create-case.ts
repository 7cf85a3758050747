import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCreateCase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCase>) => callApi(createCase, { body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases.all })
      // The case page's cache holds the case alone; the first contact is on its timeline.
      const { firstContact: _firstContact, ...detail } = created
      queryClient.setQueryData(queryKeys.cases.detail(created.id), detail)
    },
  })
}
