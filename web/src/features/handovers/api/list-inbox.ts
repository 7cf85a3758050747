import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listWardInbox } from '#shared/contracts/handovers.ts'
import { callApi } from '#web/lib/api-client.ts'
import { inboxKey } from './case-keys.ts'

export type InboxQuery = QueryOf<typeof listWardInbox>

export function useWardInbox(query: InboxQuery) {
  return useQuery({
    queryKey: [...inboxKey, query],
    queryFn: () => callApi(listWardInbox, { query }),
    // Keep the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  })
}
