import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Me } from '#shared/contracts/auth.ts'
import { getSession } from '#shared/contracts/auth.ts'
import { callApi } from './api-client.ts'

export const sessionQueryKey = ['session'] as const

/** The signed-in account (or null) and the CSRF token; the router checks it before each page. */
export const sessionQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: () => callApi(getSession, {}),
  staleTime: 60_000,
})

export function useSession() {
  return useQuery(sessionQueryOptions)
}

/** The signed-in account; only used below the signed-in layout, where the router guarantees one. */
export function useMe(): Me {
  const { data } = useSession()
  if (!data?.account) throw new Error('useMe outside the signed-in layout')
  return data.account
}

/** Roles that work on cases: they see the work list, the case list and intake. */
export const CASE_ROLES = ['window_counsellor', 'ward_coordinator', 'ward_staff'] as const

export function worksOnCases(me: Me): boolean {
  return (CASE_ROLES as readonly string[]).includes(me.role)
}

/** Lead workers (an accompaniment worker, a specialist agency) read the cases they lead. */
export const LEAD_ROLES = ['accompaniment_worker', 'agency_member'] as const

/** Who may open a case page: the case roles and the lead workers (the server decides which cases). */
export function readsCases(me: Me): boolean {
  return worksOnCases(me) || (LEAD_ROLES as readonly string[]).includes(me.role)
}
