import { queryOptions, useQuery } from '@tanstack/react-query'
import type { Me } from '#shared/contracts/auth.ts'
import { getSession } from '#shared/contracts/auth.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { callApi } from './api-client.ts'

/** The signed-in account (or null) and the CSRF token; the router checks it before each page. */
export const sessionQueryOptions = queryOptions({
  queryKey: queryKeys.session,
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

/** What the signed-in account may do, as the server's policies say (`can` on the session). */
export function useCan(): Me['can'] {
  return useMe().can
}
