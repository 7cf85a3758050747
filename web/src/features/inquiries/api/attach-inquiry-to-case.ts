import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { attachInquiryToCase } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { showChangedThread } from './show-changed-thread.ts'

export function useAttachInquiryToCase(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof attachInquiryToCase>) =>
      callApi(attachInquiryToCase, { params: { id }, body }),
    onSuccess: (thread) => showChangedThread(queryClient, thread),
  })
}
