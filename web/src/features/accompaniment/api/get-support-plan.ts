import { useQuery } from '@tanstack/react-query'
import { getSupportPlan } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { supportKeys } from './keys.ts'

export function useSupportPlan(caseId: string) {
  return useQuery({
    queryKey: supportKeys.plan(caseId),
    queryFn: () => callApi(getSupportPlan, { params: { id: caseId } }),
  })
}
