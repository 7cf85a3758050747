import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { listCases } from '#shared/contracts/cases.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type CaseListQuery = QueryOf<typeof listCases>

export function useCaseList(query: CaseListQuery) {
  return useQuery({
    queryKey: queryKeys.cases.list(query),
    queryFn: () => callApi(listCases, { query }),
    // Keep the previous page on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  })
}
