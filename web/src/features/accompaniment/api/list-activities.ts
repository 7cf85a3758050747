import { useQuery } from '@tanstack/react-query'
import { listActivities } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useActivities(caseId: string) {
  return useQuery({
    queryKey: queryKeys.support.activities(caseId),
    queryFn: () => callApi(listActivities, { params: { id: caseId } }),
  })
}
