import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { markInquirySpam } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useMarkSpam(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof markInquirySpam>) => callApi(markInquirySpam, { params: { id }, body }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
