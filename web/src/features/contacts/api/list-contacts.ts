import { useQuery } from '@tanstack/react-query'
import { listContacts } from '#shared/contracts/contacts.ts'
import { callApi } from '#web/lib/api-client.ts'

export const contactsKey = (caseId: string) => ['contacts', caseId] as const

export function useContacts(caseId: string) {
  return useQuery({
    queryKey: contactsKey(caseId),
    queryFn: () => callApi(listContacts, { params: { id: caseId } }),
  })
}
