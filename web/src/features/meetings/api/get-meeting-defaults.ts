import { useQuery } from '@tanstack/react-query'
import { getMeetingDefaults } from '#shared/contracts/meetings.ts'
import { callApi } from '#web/lib/api-client.ts'

/** The ward's previous meeting's time, place and chair, and a suggested date (fresh each time). */
export function useMeetingDefaults(enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'defaults'],
    queryFn: () => callApi(getMeetingDefaults, {}),
    enabled,
    staleTime: 0,
  })
}
