import { useQuery } from '@tanstack/react-query'
import { listInquiryTemplates } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useInquiryTemplates(includeInactive = false) {
  return useQuery({
    queryKey: queryKeys.inquiryTemplates(includeInactive),
    queryFn: () =>
      callApi(listInquiryTemplates, { query: { includeInactive: includeInactive ? 'true' : 'false' } }),
  })
}
