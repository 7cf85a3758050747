import { useQuery } from '@tanstack/react-query'
import { listContacts } from '#shared/contracts/contacts.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useContacts(caseId: string) {
  return useQuery({
    queryKey: queryKeys.contacts(caseId),
    queryFn: () => callApi(listContacts, { params: { id: caseId } }),
  })
}
