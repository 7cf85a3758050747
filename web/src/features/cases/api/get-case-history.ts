import { useQuery } from '@tanstack/react-query'
import { getCaseHistory } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'

export const caseHistoryKey = (id: string) => ['cases', 'history', id] as const

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: caseHistoryKey(id),
    queryFn: () => callApi(getCaseHistory, { params: { id } }),
  })
}
