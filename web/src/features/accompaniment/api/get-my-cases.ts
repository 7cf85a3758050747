import { useQuery } from '@tanstack/react-query'
import { listMyCases } from '#shared/contracts/accompaniment.ts'
import { callApi } from '#web/lib/api-client.ts'
import { supportKeys } from './keys.ts'

export function useMyCases() {
  return useQuery({ queryKey: supportKeys.myCases, queryFn: () => callApi(listMyCases, {}) })
}
