import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { recordDecision } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { storeMeeting } from './get-meeting.ts'

export function useRecordDecision(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: BodyOf<typeof recordDecision> }) =>
      callApi(recordDecision, { params: { meetingId, caseId }, body }),
    // The decision is the case's current lead too: its page, history and lists change.
    onSuccess: (meeting) => storeMeeting(queryClient, meeting, { alsoCases: true }),
  })
}
