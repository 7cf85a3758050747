import { useQuery } from '@tanstack/react-query'
import { getWorklist } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'

export function useWorklist() {
  return useQuery({ queryKey: ['cases', 'worklist'], queryFn: () => callApi(getWorklist, {}) })
}
