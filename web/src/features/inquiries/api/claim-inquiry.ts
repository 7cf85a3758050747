import { useMutation, useQueryClient } from '@tanstack/react-query'
import { claimInquiry } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useClaimInquiry(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(claimInquiry, { params: { id } }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
