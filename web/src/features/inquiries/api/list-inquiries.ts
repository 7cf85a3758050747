import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { listInquiries } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type InquiryListQuery = QueryOf<typeof listInquiries>

export function useInquiries(query: InquiryListQuery) {
  return useQuery({
    queryKey: queryKeys.inquiries.list(query),
    queryFn: () => callApi(listInquiries, { query }),
    placeholderData: keepPreviousData,
  })
}
