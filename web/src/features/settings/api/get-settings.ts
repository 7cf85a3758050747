import { useQuery } from '@tanstack/react-query'
import { getSettings } from '#shared/contracts/audit.ts'
import { callApi } from '#web/lib/api-client.ts'

export const settingsKey = ['settings'] as const

export function useSettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => callApi(getSettings, {}) })
}
