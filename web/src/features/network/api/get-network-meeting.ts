import { type QueryClient, useQuery } from '@tanstack/react-query'
import { getNetworkMeeting, type NetworkMeetingDetail } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { networkRootKey } from './list-network-meetings.ts'

export const networkMeetingKey = (id: string) => ['network-meetings', 'detail', id] as const

export function useNetworkMeeting(id: string) {
  return useQuery({
    queryKey: networkMeetingKey(id),
    queryFn: () => callApi(getNetworkMeeting, { params: { id } }),
  })
}

/** After a change that answers with the whole meeting: show it at once, refresh the lists behind it. */
export async function storeNetworkMeeting(queryClient: QueryClient, meeting: NetworkMeetingDetail) {
  queryClient.setQueryData(networkMeetingKey(meeting.id), meeting)
  await queryClient.invalidateQueries({ queryKey: [...networkRootKey, 'list'] })
}
