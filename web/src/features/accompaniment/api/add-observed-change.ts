import { useMutation, useQueryClient } from '@tanstack/react-query'
import { addObservedChange } from '#shared/contracts/accompaniment.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { invalidateCase } from './invalidate.ts'

export function useAddObservedChange(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof addObservedChange>) =>
      callApi(addObservedChange, { params: { id: caseId }, body }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  })
}
