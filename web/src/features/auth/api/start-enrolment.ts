import { useMutation } from '@tanstack/react-query'
import { startEnrolment } from '#shared/contracts/two-factor.ts'
import { callApi } from '#web/lib/api-client.ts'

export function useStartEnrolment() {
  return useMutation({ mutationFn: () => callApi(startEnrolment, {}) })
}
