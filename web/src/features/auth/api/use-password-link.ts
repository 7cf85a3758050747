import { useMutation } from '@tanstack/react-query'
import { usePasswordLink } from '../../../../../shared/contracts/auth.ts'
import type { BodyOf } from '../../../../../shared/contracts/define.ts'
import { callApi } from '../../../lib/api-client.ts'

export function useSetPassword(token: string) {
  return useMutation({
    mutationFn: (body: BodyOf<typeof usePasswordLink>) =>
      callApi(usePasswordLink, { params: { token }, body }),
  })
}
