import { useMutation, useQueryClient } from '@tanstack/react-query'
import { login } from '#shared/contracts/auth.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof login>) => callApi(login, { body }),
    onSuccess: async () => {
      // Nothing cached from before the login may leak into the new session.
      queryClient.clear()
      await queryClient.invalidateQueries({ queryKey: queryKeys.session })
    },
  })
}
