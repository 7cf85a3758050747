import { useQuery } from '@tanstack/react-query'
import { getInquirySettings } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useInquirySettings() {
  return useQuery({ queryKey: queryKeys.inquirySettings, queryFn: () => callApi(getInquirySettings, {}) })
}
