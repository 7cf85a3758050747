import { useQuery } from '@tanstack/react-query'
import { getCaseloads } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCaseloads(ward?: string) {
  return useQuery({
    queryKey: queryKeys.support.caseloads(ward),
    queryFn: () => callApi(getCaseloads, { query: ward ? { ward } : {} }),
  })
}
