import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listResources } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'

export type ResourceListQuery = QueryOf<typeof listResources>

/** Every resources query starts with this, so one invalidation refreshes lists and details. */
export const resourcesRootKey = ['resources'] as const

export function useResources(query: ResourceListQuery) {
  return useQuery({
    queryKey: ['resources', 'list', query],
    queryFn: () => callApi(listResources, { query }),
    // Keep the previous page on screen while the next one loads.
    placeholderData: keepPreviousData,
  })
}
