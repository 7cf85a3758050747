import { useMutation, useQueryClient } from '@tanstack/react-query'
import { markMeetingHeld } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useMarkMeetingHeld(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(markMeetingHeld, { params: { meetingId } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
