import { useMutation, useQueryClient } from '@tanstack/react-query'
import { addContact } from '#shared/contracts/contacts.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useAddContact(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof addContact>) => callApi(addContact, { params: { id: caseId }, body }),
    onSuccess: async () => {
      // A contact changes the case too (last contact, count, history, work list).
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.contacts(caseId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
      ])
    },
  })
}
