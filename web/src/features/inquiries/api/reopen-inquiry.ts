import { useMutation, useQueryClient } from '@tanstack/react-query'
import { reopenInquiry } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useReopenInquiry(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(reopenInquiry, { params: { id } }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
