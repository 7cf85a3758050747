import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { setAttendees } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export type AttendeeInput = BodyOf<typeof setAttendees>['attendees'][number]

export function useSetAttendees(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (attendees: AttendeeInput[]) =>
      callApi(setAttendees, { params: { meetingId }, body: { attendees } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
