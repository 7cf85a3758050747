import { useMutation, useQueryClient } from '@tanstack/react-query'
import { confirmEnrolment } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useConfirmEnrolment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (code: string) => callApi(confirmEnrolment, { body: { code } }),
    // A session that waited for enrolment is now signed in: the session query must learn it.
    // The status query is left alone until the person has seen the recovery codes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.session }),
  })
}
