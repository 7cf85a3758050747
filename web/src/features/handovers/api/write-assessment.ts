import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { writeAssessment } from '#shared/contracts/handovers.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedCase } from './case-keys.ts'

export function useWriteAssessment(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof writeAssessment>) => callApi(writeAssessment, { params: { id }, body }),
    onSuccess: (updated) => showChangedCase(queryClient, updated),
  })
}
