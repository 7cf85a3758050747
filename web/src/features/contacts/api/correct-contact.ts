import { useMutation, useQueryClient } from '@tanstack/react-query'
import { correctContact } from '#shared/contracts/contacts.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCorrectContact(caseId: string, contactId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof correctContact>) =>
      callApi(correctContact, { params: { id: caseId, contactId }, body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.contacts(caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
      ])
    },
  })
}
