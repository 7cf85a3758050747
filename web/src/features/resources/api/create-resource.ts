import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { createResource } from '#shared/contracts/resources.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useCreateResource() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof createResource>) => callApi(createResource, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.resources.all }),
  })
}
