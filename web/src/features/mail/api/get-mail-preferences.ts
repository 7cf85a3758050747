import { useQuery } from '@tanstack/react-query'
import { getMailPreferences } from '#shared/contracts/mail.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useMailPreferences() {
  return useQuery({ queryKey: queryKeys.mail.preferences, queryFn: () => callApi(getMailPreferences, {}) })
}
