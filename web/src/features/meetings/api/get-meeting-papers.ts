import { useQuery } from '@tanstack/react-query'
import { getMeetingPapers } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

/** 会議資料 for one reader: 'ward' or an invited agency's unit id. */
export function useMeetingPapers(meetingId: string, audience: string) {
  return useQuery({
    queryKey: ['meetings', 'papers', meetingId, audience],
    queryFn: () => callApi(getMeetingPapers, { params: { meetingId }, query: { for: audience } }),
  })
}
