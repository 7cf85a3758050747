import { useQuery } from '@tanstack/react-query'
import { type DueWhose, listDueSteps } from '#shared/contracts/due-steps.ts'
import { callApi } from '#web/lib/api-client.ts'

export function useDueSteps(whose: DueWhose) {
  return useQuery({
    queryKey: ['cases', 'due-steps', whose],
    queryFn: () => callApi(listDueSteps, { query: { whose } }),
  })
}
