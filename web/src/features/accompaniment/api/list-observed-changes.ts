import { useQuery } from '@tanstack/react-query'
import { listObservedChanges } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { supportKeys } from './keys.ts'

export function useObservedChanges(caseId: string) {
  return useQuery({
    queryKey: supportKeys.observedChanges(caseId),
    queryFn: () => callApi(listObservedChanges, { params: { id: caseId } }),
  })
}
