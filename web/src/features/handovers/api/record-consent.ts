import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { recordConsent } from '#shared/contracts/handovers.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedCase } from './case-keys.ts'

export function useRecordConsent(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof recordConsent>) => callApi(recordConsent, { params: { id }, body }),
    onSuccess: (updated) => showChangedCase(queryClient, updated),
  })
}
