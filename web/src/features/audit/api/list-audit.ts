import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { listAudit, listAuditActors } from '#shared/contracts/audit.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type AuditQuery = QueryOf<typeof listAudit>

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: () => callApi(listAudit, { query }),
    placeholderData: keepPreviousData,
  })
}

export function useAuditActors() {
  return useQuery({ queryKey: queryKeys.audit('actors'), queryFn: () => callApi(listAuditActors, {}) })
}
