import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { updateInquiryTemplate } from '#shared/contracts/inquiries.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useUpdateTemplate() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof updateInquiryTemplate> }) =>
      callApi(updateInquiryTemplate, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.inquiryTemplatesAll }),
  })
}
