import { useQuery } from '@tanstack/react-query'
import { listStaff, listUnits, listWards } from '#shared/contracts/org.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { callApi } from './api-client.ts'

// Master data used by several features (cases, contacts, accounts): it changes rarely, so it
// is cached for the whole visit rather than refetched on every form.
const masterStaleTime = 10 * 60_000

export function useWards() {
  return useQuery({
    queryKey: queryKeys.wards,
    queryFn: () => callApi(listWards, {}),
    staleTime: masterStaleTime,
  })
}

export function useStaff() {
  return useQuery({
    queryKey: queryKeys.staff,
    queryFn: () => callApi(listStaff, {}),
    staleTime: masterStaleTime,
  })
}

export function useUnits() {
  return useQuery({
    queryKey: queryKeys.units,
    queryFn: () => callApi(listUnits, {}),
    staleTime: masterStaleTime,
  })
}

/** The ward's name from /api/wards, falling back to the code while the list loads. */
export function useWardName() {
  const { data } = useWards()
  return (code: string | null | undefined) => {
    if (!code) return ''
    return data?.find((w) => w.code === code)?.name ?? code
  }
}
