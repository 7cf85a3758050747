import { useQuery } from '@tanstack/react-query'
import { type DueWhose, listDueSteps } from '#shared/contracts/due-steps.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useDueSteps(whose: DueWhose) {
  return useQuery({
    queryKey: queryKeys.cases.dueSteps(whose),
    queryFn: () => callApi(listDueSteps, { query: { whose } }),
  })
}
