import { useQuery } from '@tanstack/react-query'
import { getSettings } from '#shared/contracts/audit.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => callApi(getSettings, {}) })
}
