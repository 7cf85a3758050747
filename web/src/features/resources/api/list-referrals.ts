import { useQuery } from '@tanstack/react-query'
import { listReferrals } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useReferrals(caseId: string) {
  return useQuery({
    queryKey: queryKeys.referrals(caseId),
    queryFn: () => callApi(listReferrals, { params: { id: caseId } }),
  })
}
