import type { QueryClient } from '@tanstack/react-query'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** After a change: the answer is the thread's new state; the inbox, its counts and cases refetch behind it. */
export async function showChangedThread(queryClient: QueryClient, thread: InquiryThread) {
  queryClient.setQueryData(queryKeys.inquiries.detail(thread.id), thread)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.inquiries.all, refetchType: 'active' }),
    // A reply queues a notice: the thread's notice status shows it.
    queryClient.invalidateQueries({ queryKey: queryKeys.mail.notices(thread.id) }),
    thread.caseId ? queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }) : undefined,
    thread.caseId
      ? queryClient.invalidateQueries({ queryKey: queryKeys.contacts(thread.caseId) })
      : undefined,
  ])
}
