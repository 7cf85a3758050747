import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { saveDraft } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

/** 方針案: kept on the server, so it survives a reload; it changes no case until the decision. */
export function useSaveDraft(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: BodyOf<typeof saveDraft> }) =>
      callApi(saveDraft, { params: { meetingId, caseId }, body }),
    onSuccess: (meeting) => storeMeeting(queryClient, meeting),
  })
}
