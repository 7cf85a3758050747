import { useMutation, useQueryClient } from '@tanstack/react-query'
import { acknowledgeMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useAcknowledgeMeeting(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(acknowledgeMeeting, { params: { meetingId }, body: { confirm: true } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
