import { useQuery } from '@tanstack/react-query'
import { getThreadNotices } from '#shared/contracts/mail.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useThreadNotices(threadId: string) {
  return useQuery({
    queryKey: queryKeys.mail.notices(threadId),
    queryFn: () => callApi(getThreadNotices, { params: { id: threadId } }),
    // A pending notice goes out (or fails) within minutes without anyone touching the page.
    refetchInterval: (query) =>
      query.state.data?.notices.some((n) => n.status === 'pending') ? 60_000 : false,
  })
}
