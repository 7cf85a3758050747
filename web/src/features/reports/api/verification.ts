import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createVerification,
  deleteVerification,
  listVerification,
  updateVerification,
} from '#shared/contracts/report-verification.ts'
import { listSurveys } from '#shared/contracts/surveys.ts'
import { type CallInput, callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export interface VerificationPeriod {
  from: string
  to: string
}

// Under the reports' key, so that a change refreshes the report's 表1 too.
const keyOf = (p: VerificationPeriod) => [...queryKeys.reports.all, 'verification', p] as const

/** 表1's methods of the period, with their ids and versions for editing. */
export function useVerification(p: VerificationPeriod, enabled: boolean) {
  return useQuery({
    queryKey: keyOf(p),
    queryFn: () => callApi(listVerification, { query: { from: p.from, to: p.to } }),
    enabled,
  })
}

function useReportChange<I>(call: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.reports.all }),
  })
}

export const useCreateVerification = () =>
  useReportChange((input: CallInput<typeof createVerification>) => callApi(createVerification, input))
export const useUpdateVerification = () =>
  useReportChange((input: CallInput<typeof updateVerification>) => callApi(updateVerification, input))
export const useDeleteVerification = () =>
  useReportChange((input: CallInput<typeof deleteVerification>) => callApi(deleteVerification, input))

/** The city's surveys, to link one to a method (its respondents then give 回答数). */
export function useSurveyChoices(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.surveys.all,
    queryFn: () => callApi(listSurveys, {}),
    enabled,
    select: (surveys) => surveys.map((s) => ({ value: s.id, label: `${s.surveyNo} ${s.title}` })),
  })
}
