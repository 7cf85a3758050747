import { useMutation, useQueryClient } from '@tanstack/react-query'
import { reorderAgenda } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useReorderAgenda(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (caseIds: string[]) => callApi(reorderAgenda, { params: { meetingId }, body: { caseIds } }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
