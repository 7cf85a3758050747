import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listNetworkMeetings } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type NetworkMeetingListQuery = QueryOf<typeof listNetworkMeetings>

export function useNetworkMeetings(query: NetworkMeetingListQuery) {
  return useQuery({
    queryKey: queryKeys.network.list(query),
    queryFn: () => callApi(listNetworkMeetings, { query }),
    placeholderData: keepPreviousData,
  })
}
