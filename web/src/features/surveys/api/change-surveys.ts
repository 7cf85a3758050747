import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BodyOf } from '#shared/contracts/define.ts'
import {
  addPaperResponse,
  copySurvey,
  copySurveyTemplate,
  createSurvey,
  redactSurveyText,
  type SurveyResults,
  setSurveyStatus,
  updateSurvey,
} from '#shared/contracts/surveys.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

/** Every change refreshes the list, the survey and its results (all under the surveys key). */
function useSurveyMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.surveys.all }),
  })
}

export const useCreateSurvey = () =>
  useSurveyMutation((body: BodyOf<typeof createSurvey>) => callApi(createSurvey, { body }))

export const useUpdateSurvey = (id: string) =>
  useSurveyMutation((body: BodyOf<typeof updateSurvey>) => callApi(updateSurvey, { params: { id }, body }))

export const useSetSurveyStatus = (id: string) =>
  useSurveyMutation((body: BodyOf<typeof setSurveyStatus>) =>
    callApi(setSurveyStatus, { params: { id }, body }),
  )

export const useCopySurvey = () => useSurveyMutation((id: string) => callApi(copySurvey, { params: { id } }))

export const useCopySurveyTemplate = () =>
  useSurveyMutation((key: string) => callApi(copySurveyTemplate, { body: { key } }))

export const useAddPaperResponse = (id: string) =>
  useSurveyMutation((body: BodyOf<typeof addPaperResponse>) =>
    callApi(addPaperResponse, { params: { id }, body }),
  )

export function useRedactSurveyText(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: BodyOf<typeof redactSurveyText>) =>
      callApi(redactSurveyText, { params: { id }, body }),
    onSuccess: (results: SurveyResults) => queryClient.setQueryData(queryKeys.surveys.results(id), results),
  })
}
