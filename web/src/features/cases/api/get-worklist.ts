import { useQuery } from '@tanstack/react-query'
import { getWorklist } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useWorklist() {
  return useQuery({ queryKey: queryKeys.cases.worklist, queryFn: () => callApi(getWorklist, {}) })
}
