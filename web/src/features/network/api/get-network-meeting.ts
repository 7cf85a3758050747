import { type QueryClient, useQuery } from '@tanstack/react-query'
import { getNetworkMeeting, type NetworkMeetingDetail } from '#shared/contracts/network.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useNetworkMeeting(id: string) {
  return useQuery({
    queryKey: queryKeys.network.detail(id),
    queryFn: () => callApi(getNetworkMeeting, { params: { id } }),
  })
}

/** After a change that answers with the whole meeting: show it at once, refresh the lists behind it. */
export async function storeNetworkMeeting(queryClient: QueryClient, meeting: NetworkMeetingDetail) {
  queryClient.setQueryData(queryKeys.network.detail(meeting.id), meeting)
  await queryClient.invalidateQueries({ queryKey: queryKeys.network.lists })
}
