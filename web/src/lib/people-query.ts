import { useQuery } from '@tanstack/react-query'
import { listPeople } from '#shared/contracts/people.ts'
import { callApi } from '#web/lib/api-client.ts'

export const peopleKey = (caseId: string) => ['people', caseId] as const

export function usePeople(caseId: string) {
  return useQuery({
    queryKey: peopleKey(caseId),
    queryFn: () => callApi(listPeople, { params: { id: caseId } }),
  })
}
