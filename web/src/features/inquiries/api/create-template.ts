import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { createInquiryTemplate } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCreateTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof createInquiryTemplate>) => callApi(createInquiryTemplate, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.inquiryTemplatesAll }),
  })
}
