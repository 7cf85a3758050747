import { useQuery } from '@tanstack/react-query'
import { inquiryCounts } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useInquiryCounts() {
  return useQuery({ queryKey: queryKeys.inquiries.counts, queryFn: () => callApi(inquiryCounts, {}) })
}
