import { useQuery } from '@tanstack/react-query'
import { getSupportPlan } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useSupportPlan(caseId: string) {
  return useQuery({
    queryKey: queryKeys.support.plan(caseId),
    queryFn: () => callApi(getSupportPlan, { params: { id: caseId } }),
  })
}
