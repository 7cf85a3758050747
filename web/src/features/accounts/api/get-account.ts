import { useQuery } from '@tanstack/react-query'
import { getAccount } from '#shared/contracts/accounts.ts'
import { callApi } from '#web/lib/api-client.ts'

export const accountKey = (id: string) => ['accounts', 'detail', id] as const

export function useAccount(id: string) {
  return useQuery({ queryKey: accountKey(id), queryFn: () => callApi(getAccount, { params: { id } }) })
}
