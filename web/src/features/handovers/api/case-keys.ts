import type { QueryClient } from '@tanstack/react-query'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** After a change: the answer is the case's new state; lists, history and the inbox refetch behind it. */
export async function showChangedCase(queryClient: QueryClient, updated: CaseDetail) {
  queryClient.setQueryData(queryKeys.cases.detail(updated.id), updated)
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.cases.all, refetchType: 'active' }),
    queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all }),
  ])
}
