import { useQuery } from '@tanstack/react-query'
import { getThreadNotices } from '#shared/contracts/mail.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useThreadNotices(threadId: string) {
  return useQuery({
    queryKey: queryKeys.mail.notices(threadId),
    queryFn: () => callApi(getThreadNotices, { params: { id: threadId } }),
  })
}
