import { useQuery } from '@tanstack/react-query'
import { listCaseReviews } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** Under the `cases` key, so a case change (and a meeting decision, which changes the case) refreshes it. */

export function useCaseReviews(caseId: string) {
  return useQuery({
    queryKey: queryKeys.cases.reviews(caseId),
    queryFn: () => callApi(listCaseReviews, { params: { id: caseId } }),
  })
}
