import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { listCases } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/**
 * The caller's readable cases matching a case number (GET /api/cases?q=…), to pick the one to
 * share. Only asked once something is typed; the server keeps to the caller's scope.
 */
export function useShareableCases(q: string) {
  return useQuery({
    queryKey: queryKeys.cases.sharePicker(q),
    queryFn: () => callApi(listCases, { query: { q, pageSize: 20, sort: 'openedOn', order: 'desc' } }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  })
}
