import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createCase } from '#shared/contracts/cases.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { caseKey } from './get-case.ts'

export function useCreateCase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCase>) => callApi(createCase, { body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] })
      // The case page's cache holds the case alone; the first contact is on its timeline.
      const { firstContact: _firstContact, ...detail } = created
      queryClient.setQueryData(caseKey(created.id), detail)
    },
  })
}
