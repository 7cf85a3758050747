import { useQuery } from '@tanstack/react-query'
import { getCase } from '#shared/contracts/cases.ts'
import { callApi } from '#web/lib/api-client.ts'

export const caseKey = (id: string) => ['cases', 'detail', id] as const

export function useCase(id: string) {
  return useQuery({ queryKey: caseKey(id), queryFn: () => callApi(getCase, { params: { id } }) })
}
