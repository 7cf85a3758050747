import { useQuery } from '@tanstack/react-query'
import { listCaseReviews } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

/** Under ['cases'], so a case change (and a meeting decision, which changes the case) refreshes it. */
export const caseReviewsKey = (caseId: string) => ['cases', 'reviews', caseId] as const

export function useCaseReviews(caseId: string) {
  return useQuery({
    queryKey: caseReviewsKey(caseId),
    queryFn: () => callApi(listCaseReviews, { params: { id: caseId } }),
  })
}
