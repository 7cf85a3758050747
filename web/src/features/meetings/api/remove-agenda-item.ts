import { useMutation, useQueryClient } from '@tanstack/react-query'
import { removeAgendaItem } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useRemoveAgendaItem(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (caseId: string) => callApi(removeAgendaItem, { params: { meetingId, caseId } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
