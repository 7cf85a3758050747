import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { meetingKey } from './get-meeting.ts'

export function useDeleteMeeting(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(deleteMeeting, { params: { meetingId } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: meetingKey(meetingId) })
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'list'] })
    },
  })
}
