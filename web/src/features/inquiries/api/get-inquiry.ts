import { useQuery } from '@tanstack/react-query'
import { getInquiry } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useInquiry(id: string) {
  return useQuery({
    queryKey: queryKeys.inquiries.detail(id),
    queryFn: () => callApi(getInquiry, { params: { id } }),
  })
}
