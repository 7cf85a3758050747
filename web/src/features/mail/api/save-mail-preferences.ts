import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import { putMailPreferences } from '#shared/contracts/mail.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useSaveMailPreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof putMailPreferences>) => callApi(putMailPreferences, { body }),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.mail.preferences, saved),
  })
}
