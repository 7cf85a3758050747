import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { updateMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useUpdateMeeting(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateMeeting>) =>
      callApi(updateMeeting, { params: { meetingId }, body }),
    // A new date changes which cases are due (continuing candidates).
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
