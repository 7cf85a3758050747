import { useMutation, useQueryClient } from '@tanstack/react-query'
import { acknowledgeMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { storeMeeting } from './get-meeting.ts'

export function useAcknowledgeMeeting(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    // The wording's version read goes along: if the city reworded it meanwhile the server answers
    // 409 and the meeting is read again, so the new wording is what the reader then agrees to.
    mutationFn: (textVersion: number | null) =>
      callApi(acknowledgeMeeting, { params: { meetingId }, body: { confirm: true, textVersion } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
    onError: () => queryClient.invalidateQueries({ queryKey: queryKeys.meetings.detail(meetingId) }),
  })
}
