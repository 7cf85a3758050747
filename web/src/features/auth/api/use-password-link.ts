import { useMutation } from '@tanstack/react-query'
import { usePasswordLink } from '#shared/contracts/auth.ts'
import type { BodyOf } from '#shared/contracts/define.ts'
import { callApi } from '#web/lib/api-client.ts'

type Input = Omit<BodyOf<typeof usePasswordLink>, 'token'>

export function useSetPassword(token: string) {
  return useMutation({
    mutationFn: (body: Input) => callApi(usePasswordLink, { body: { ...body, token } }),
  })
}
