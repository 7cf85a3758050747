import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { updateInquirySettings } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateInquirySettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateInquirySettings>) => callApi(updateInquirySettings, { body }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.inquirySettings, saved),
  })
}
