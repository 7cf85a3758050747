import { useQuery } from '@tanstack/react-query'
import { getCase } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCase(id: string) {
  return useQuery({
    queryKey: queryKeys.cases.detail(id),
    queryFn: () => callApi(getCase, { params: { id } }),
  })
}
