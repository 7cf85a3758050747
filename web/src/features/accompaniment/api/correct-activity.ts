import { useMutation, useQueryClient } from '@tanstack/react-query'
import { correctActivity } from '#shared/contracts/accompaniment.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { invalidateCase } from './invalidate.ts'

export function useCorrectActivity(caseId: string, activityId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof correctActivity>) =>
      callApi(correctActivity, { params: { id: caseId, activityId }, body }),
    onSuccess: () => invalidateCase(queryClient, caseId),
  })
}
