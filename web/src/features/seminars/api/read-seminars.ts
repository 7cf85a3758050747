import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query'
import { listCases } from '#shared/contracts/cases.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import {
  getSeminar,
  listFollowUpSurveys,
  listSeminars,
  type SeminarDetail,
} from '#shared/contracts/seminars.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type SeminarListQuery = QueryOf<typeof listSeminars>

export function useSeminars(query: SeminarListQuery) {
  return useQuery({
    queryKey: queryKeys.seminars.list(query),
    queryFn: () => callApi(listSeminars, { query }),
    placeholderData: keepPreviousData,
  })
}

/** The seminar; with the families' registrations for its organiser (the server audits the read). */
export function useSeminar(id: string) {
  return useQuery({
    queryKey: queryKeys.seminars.detail(id),
    queryFn: () => callApi(getSeminar, { params: { id } }),
  })
}

export function useFollowUpSurveys(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.seminars.surveys,
    queryFn: () => callApi(listFollowUpSurveys, {}),
    enabled,
  })
}

/** The case search (number, name, kana, phone), open cases: a registrant is linked to one. */
export function useSeminarCaseSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.seminars.caseSearch(q),
    queryFn: () => callApi(listCases, { query: { q, status: 'open', pageSize: 10 } }),
    enabled: q.trim().length > 0,
  })
}

/** After a change that answers with the whole seminar: show it at once, refresh the lists. */
export async function storeSeminar(queryClient: QueryClient, seminar: SeminarDetail) {
  queryClient.setQueryData(queryKeys.seminars.detail(seminar.id), seminar)
  await queryClient.invalidateQueries({ queryKey: queryKeys.seminars.lists })
}
