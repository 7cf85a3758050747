import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { findSimilarCases } from '#shared/contracts/cases.ts'
import type { QueryOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type SimilarQuery = QueryOf<typeof findSimilarCases>

/** Waits until typing pauses, so the search runs once per name rather than once per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

function worthAsking(q: SimilarQuery): boolean {
  return Boolean(q.name || q.kana || q.phone || (q.birthYear && q.ward && q.gender))
}

export function useSimilarCases(query: SimilarQuery) {
  const settled = useDebounced(query, 400)
  return useQuery({
    queryKey: queryKeys.cases.similar(settled),
    queryFn: () => callApi(findSimilarCases, { query: settled }),
    enabled: worthAsking(settled),
    staleTime: 30_000,
  })
}
