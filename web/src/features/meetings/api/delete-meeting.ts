import { useMutation, useQueryClient } from '@tanstack/react-query'
import { deleteMeeting } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useDeleteMeeting(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(deleteMeeting, { params: { meetingId } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.meetings.detail(meetingId) })
      await queryClient.invalidateQueries({ queryKey: queryKeys.meetings.lists })
    },
  })
}
