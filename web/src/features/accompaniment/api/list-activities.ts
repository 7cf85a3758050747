import { useQuery } from '@tanstack/react-query'
import { listActivities } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { supportKeys } from './keys.ts'

export function useActivities(caseId: string) {
  return useQuery({
    queryKey: supportKeys.activities(caseId),
    queryFn: () => callApi(listActivities, { params: { id: caseId } }),
  })
}
