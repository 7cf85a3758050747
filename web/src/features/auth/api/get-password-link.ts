import { useQuery } from '@tanstack/react-query'
import { describePasswordLink } from '#shared/contracts/auth.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** What a one-time link is for. A POST, so the token travels in the body, never in a URL. */
export function usePasswordLinkInfo(token: string) {
  return useQuery({
    queryKey: queryKeys.passwordLink(token),
    queryFn: () => callApi(describePasswordLink, { body: { token } }),
    enabled: token.length >= 10,
    retry: false,
    gcTime: 0,
  })
}
