import type { QueryClient } from '@tanstack/react-query'
import type { CaseDetail } from '#shared/contracts/cases.ts'

// The case page reads the case under ['cases', 'detail', id] (the cases feature's useCase); the
// key is repeated here rather than imported, since features do not import each other.
const caseDetailKey = (id: string) => ['cases', 'detail', id] as const

export const inboxKey = ['ward-inbox'] as const

/** After a change: the answer is the case's new state; lists, history and the inbox refetch behind it. */
export async function showChangedCase(queryClient: QueryClient, updated: CaseDetail) {
  queryClient.setQueryData(caseDetailKey(updated.id), updated)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['cases'], refetchType: 'active' }),
    queryClient.invalidateQueries({ queryKey: inboxKey }),
  ])
}
