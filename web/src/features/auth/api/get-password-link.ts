import { useQuery } from '@tanstack/react-query'
import { getPasswordLink } from '../../../../../shared/contracts/auth.ts'
import { callApi } from '../../../lib/api-client.ts'

export function usePasswordLinkInfo(token: string) {
  return useQuery({
    queryKey: ['password-link', token],
    queryFn: () => callApi(getPasswordLink, { params: { token } }),
    enabled: token.length >= 10,
    retry: false,
  })
}
