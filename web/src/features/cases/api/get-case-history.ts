import { useQuery } from '@tanstack/react-query'
import { getCaseHistory } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCaseHistory(id: string) {
  return useQuery({
    queryKey: queryKeys.cases.history(id),
    queryFn: () => callApi(getCaseHistory, { params: { id } }),
  })
}
