import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { addPerson, deletePerson, updatePerson } from '#shared/contracts/people.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** After any change: the people, and the case (its 8050 flag) and lists that show it. */
function useRefresh(caseId: string) {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.people(caseId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.cases.all }),
    ])
}

export function useAddPerson(caseId: string) {
  const refresh = useRefresh(caseId)
  return useMutation({
    mutationFn: (body: BodyOf<typeof addPerson>) => callApi(addPerson, { params: { id: caseId }, body }),
    onSuccess: refresh,
  })
}

export function useUpdatePerson(caseId: string, personId: string) {
  const refresh = useRefresh(caseId)
  return useMutation({
    mutationFn: (body: BodyOf<typeof updatePerson>) =>
      callApi(updatePerson, { params: { id: caseId, personId }, body }),
    onSuccess: refresh,
  })
}

export function useDeletePerson(caseId: string, personId: string) {
  const refresh = useRefresh(caseId)
  return useMutation({
    mutationFn: (version: number) =>
      callApi(deletePerson, { params: { id: caseId, personId }, body: { version } }),
    onSuccess: refresh,
  })
}
