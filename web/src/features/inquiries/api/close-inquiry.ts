import { useMutation, useQueryClient } from '@tanstack/react-query'
import { closeInquiry } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useCloseInquiry(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(closeInquiry, { params: { id } }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
