import { useQuery } from '@tanstack/react-query'
import { listMyCases } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useMyCases() {
  return useQuery({ queryKey: queryKeys.support.myCases, queryFn: () => callApi(listMyCases, {}) })
}
