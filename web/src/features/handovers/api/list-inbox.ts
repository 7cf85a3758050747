import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listWardInbox } from '#shared/contracts/handovers.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type InboxQuery = QueryOf<typeof listWardInbox>

export function useWardInbox(query: InboxQuery) {
  return useQuery({
    queryKey: queryKeys.inbox.list(query),
    queryFn: () => callApi(listWardInbox, { query }),
    // Keep the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  })
}
