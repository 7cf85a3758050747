import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { QueryOf } from '#shared/contracts/define.ts'
import { getReport, REPORT_XLSX_PATH } from '#shared/contracts/reports.ts'
import { buildUrl, callApi } from '#web/lib/api-client.ts'
import { queryKeys } from '#web/lib/query-keys.ts'

export type ReportQuery = QueryOf<typeof getReport>

/** The report for a period; nothing is asked until both dates are given. */
export function useReport(query: Partial<ReportQuery>) {
  const { from, to } = query
  return useQuery({
    queryKey: queryKeys.reports.of(query),
    queryFn: () => callApi(getReport, { query: { ...query, from: from ?? '', to: to ?? '' } }),
    enabled: Boolean(from && to),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

/** Addresses of the same report as a workbook and as JSON, for download links. */
export function reportDownloadUrls(query: ReportQuery) {
  return {
    xlsx: buildUrl(REPORT_XLSX_PATH, undefined, query),
    json: buildUrl(getReport.path, undefined, query),
  }
}
