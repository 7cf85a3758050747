import { useMutation, useQueryClient } from '@tanstack/react-query'
import { releaseInquiry } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useReleaseInquiry(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(releaseInquiry, { params: { id } }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
