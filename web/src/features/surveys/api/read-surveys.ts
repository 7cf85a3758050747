import { useQuery } from '@tanstack/react-query'
import { getSurvey, getSurveyResults, listSurveys, listSurveyTemplates } from '#shared/contracts/surveys.ts'
import { callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export function useSurveys() {
  return useQuery({ queryKey: queryKeys.surveys.all, queryFn: () => callApi(listSurveys, {}) })
}

export function useSurveyTemplates() {
  return useQuery({ queryKey: queryKeys.surveys.templates, queryFn: () => callApi(listSurveyTemplates, {}) })
}

export function useSurvey(id: string) {
  return useQuery({
    queryKey: queryKeys.surveys.detail(id),
    queryFn: () => callApi(getSurvey, { params: { id } }),
  })
}

export function useSurveyResults(id: string) {
  return useQuery({
    queryKey: queryKeys.surveys.results(id),
    queryFn: () => callApi(getSurveyResults, { params: { id } }),
  })
}
