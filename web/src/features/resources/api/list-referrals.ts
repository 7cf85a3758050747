import { useQuery } from '@tanstack/react-query'
import { listReferrals } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'

export const referralsKey = (caseId: string) => ['referrals', caseId] as const

export function useReferrals(caseId: string) {
  return useQuery({
    queryKey: referralsKey(caseId),
    queryFn: () => callApi(listReferrals, { params: { id: caseId } }),
  })
}
