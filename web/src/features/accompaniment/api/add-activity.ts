import { useMutation, useQueryClient } from '@tanstack/react-query'
import { addActivity } from '#shared/contracts/accompaniment.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { invalidateCase } from './invalidate.ts'

export function useAddActivity(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof addActivity>) => callApi(addActivity, { params: { id: caseId }, body }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  })
}
