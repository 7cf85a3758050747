import { useQuery } from '@tanstack/react-query'
import { listPeople } from '#shared/contracts/people.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function usePeople(caseId: string) {
  return useQuery({
    queryKey: queryKeys.people(caseId),
    queryFn: () => callApi(listPeople, { params: { id: caseId } }),
  })
}
