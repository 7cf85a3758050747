import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { deleteBaseline, putBaseline } from '#shared/contracts/interchange.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type BaselineBody = BodyOf<typeof putBaseline>

/** Reports compare against baselines, so a change refreshes them too. */
function useRefresh() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.baselines }),
      queryClient.invalidateQueries({ queryKey: queryKeys.reports.all }),
    ])
}

/** Enters or corrects the figures of one baseline (PUT by its label). */
export function useSaveBaseline() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ label, body }: { label: string; body: BaselineBody }) =>
      callApi(putBaseline, { params: { label }, body }),
    onSuccess: refresh,
  })
}

export function useDeleteBaseline() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (label: string) => callApi(deleteBaseline, { params: { label } }),
    onSuccess: refresh,
  })
}
