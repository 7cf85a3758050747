import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import {
  cancelRegistration,
  createSeminar,
  deleteSeminar,
  linkRegistrationToCase,
  recordAttendance,
  updateSeminar,
} from '#shared/contracts/seminars.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'
import { storeSeminar } from './read-seminars.ts'

export type SeminarBody = BodyOf<typeof createSeminar>

export function useCreateSeminar() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SeminarBody) => callApi(createSeminar, { body }),
    onSuccess: (seminar) => storeSeminar(queryClient, seminar),
  })
}

export function useUpdateSeminar(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SeminarBody) => callApi(updateSeminar, { params: { id }, body }),
    onSuccess: (seminar) => storeSeminar(queryClient, seminar),
  })
}

export function useDeleteSeminar(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => callApi(deleteSeminar, { params: { id } }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: queryKeys.seminars.detail(id) })
      await queryClient.invalidateQueries({ queryKey: queryKeys.seminars.lists })
    },
  })
}

/** Changes to one registration answer with the registration; the seminar is read again (seats move). */
function useRegistrationChange<V>(seminarId: string, call: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.seminars.detail(seminarId) })
      await queryClient.invalidateQueries({ queryKey: queryKeys.seminars.lists })
    },
  })
}

export function useRecordAttendance(seminarId: string) {
  return useRegistrationChange(seminarId, (v: { registrationId: string; attended: boolean | null }) =>
    callApi(recordAttendance, {
      params: { id: seminarId, registrationId: v.registrationId },
      body: { attended: v.attended },
    }),
  )
}

export function useCancelRegistration(seminarId: string) {
  return useRegistrationChange(seminarId, (registrationId: string) =>
    callApi(cancelRegistration, { params: { id: seminarId, registrationId } }),
  )
}

export function useLinkRegistration(seminarId: string) {
  return useRegistrationChange(seminarId, (v: { registrationId: string; caseId: string }) =>
    callApi(linkRegistrationToCase, {
      params: { id: seminarId, registrationId: v.registrationId },
      body: { caseId: v.caseId },
    }),
  )
}
