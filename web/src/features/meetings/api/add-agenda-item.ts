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
    onSuccess: async (meeting, body) => {
      await storeMeeting(queryClient, meeting)
      // A move takes the case off another meeting's agenda: that meeting reads afresh too.
      if (body.move) await queryClient.invalidateQueries({ queryKey: ['meetings'] })
    },
  })
}
