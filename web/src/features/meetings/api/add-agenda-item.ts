import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { addAgendaItem } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useAddAgendaItem(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof addAgendaItem>) =>
      callApi(addAgendaItem, { params: { meetingId }, body }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
