import { useQuery } from '@tanstack/react-query'
import { listObservedChanges } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useObservedChanges(caseId: string) {
  return useQuery({
    queryKey: queryKeys.support.observedChanges(caseId),
    queryFn: () => callApi(listObservedChanges, { params: { id: caseId } }),
  })
}
