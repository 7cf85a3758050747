import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listNetworkMeetings } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'

export type NetworkMeetingListQuery = QueryOf<typeof listNetworkMeetings>

/** Every network query starts with this, so one invalidation refreshes lists and details. */
export const networkRootKey = ['network-meetings'] as const

export function useNetworkMeetings(query: NetworkMeetingListQuery) {
  return useQuery({
    queryKey: ['network-meetings', 'list', query],
    queryFn: () => callApi(listNetworkMeetings, { query }),
    placeholderData: keepPreviousData,
  })
}
