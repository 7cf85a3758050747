import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listResources } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type ResourceListQuery = QueryOf<typeof listResources>

export function useResources(query: ResourceListQuery) {
  return useQuery({
    queryKey: queryKeys.resources.list(query),
    queryFn: () => callApi(listResources, { query }),
    // Keep the previous page on screen while the next one loads.
    placeholderData: keepPreviousData,
  })
}
