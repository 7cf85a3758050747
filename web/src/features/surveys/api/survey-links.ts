import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import {
  countSurveyTargets,
  listSurveyInvitations,
  makeSurveyInvitations,
} from '#shared/contracts/survey-invitations.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

type TargetBody = BodyOf<typeof makeSurveyInvitations>

export function useSurveyInvitations(id: string) {
  return useQuery({
    queryKey: [...queryKeys.surveys.detail(id), 'invitations'],
    queryFn: () => callApi(listSurveyInvitations, { params: { id } }),
  })
}

/** Counting reads names from the records (audited), so it runs when staff ask, not as they type. */
export const useCountSurveyTargets = (id: string) =>
  useMutation({ mutationFn: (query: TargetBody) => callApi(countSurveyTargets, { params: { id }, query }) })

export function useMakeSurveyInvitations(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: TargetBody) => callApi(makeSurveyInvitations, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.surveys.all }),
  })
}
