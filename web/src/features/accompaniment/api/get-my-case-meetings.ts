import { useQuery } from '@tanstack/react-query'
import { listMyCaseMeetings } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** The meetings ahead where the caller's own cases are on the agenda (any lead worker may ask). */
export function useMyCaseMeetings() {
  return useQuery({
    queryKey: queryKeys.support.myCaseMeetings,
    queryFn: () => callApi(listMyCaseMeetings, {}),
  })
}
