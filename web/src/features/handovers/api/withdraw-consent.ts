import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { withdrawConsent } from '#shared/contracts/handovers.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedCase } from './case-keys.ts'

export function useWithdrawConsent(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof withdrawConsent>) => callApi(withdrawConsent, { params: { id }, body }),
    onSuccess: (updated) => showChangedCase(queryClient, updated),
  })
}
