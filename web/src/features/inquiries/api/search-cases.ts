import { useQuery } from '@tanstack/react-query'
import { listCases } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** The existing case search (number, name, kana, phone), open cases only: a thread attaches to one of them. */
export function useCaseSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.inquiries.caseSearch(q),
    queryFn: () => callApi(listCases, { query: { q, status: 'open', pageSize: 10 } }),
    enabled: q.trim().length > 0,
  })
}
