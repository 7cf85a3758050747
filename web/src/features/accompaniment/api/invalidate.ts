import type { QueryClient } from '@tanstack/react-query'
import { queryKeys } from '#web/lib/query-keys.ts'

/**
 * After a support record changes: its own lists, "my cases" and caseloads (last activity), and
 * the case's history. The history's key belongs to the cases feature; it is matched by its
 * prefix rather than imported, since features do not import each other.
 */
export async function invalidateCase(queryClient: QueryClient, caseId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.support.ofCase(caseId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.support.myCases }),
    queryClient.invalidateQueries({ queryKey: queryKeys.support.allCaseloads }),
    queryClient.invalidateQueries({ queryKey: queryKeys.cases.history(caseId) }),
  ])
}
