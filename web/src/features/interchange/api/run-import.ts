import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ImportResultDto, importLedger } from '#shared/contracts/interchange.ts'
import { buildUrl } from '#web/lib/api-client.ts'
import { problemOf, uploadRaw } from '#web/lib/raw-upload.ts'

export type ImportResult = ImportResultDto
export type ImportIssue = ImportResult['errors'][number]

/** Media types the import accepts; anything else (a CSV typed text/plain, say) goes as octet-stream. */
const SENT_TYPES = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
]

function isImportResult(body: unknown): body is ImportResult {
  return (
    typeof body === 'object' && body !== null && 'ok' in body && Array.isArray((body as ImportResult).errors)
  )
}

export interface ImportInput {
  file: File
  dryRun: boolean
  onProgress?: (fraction: number | undefined) => void
}

/**
 * Sends one ledger file: a dry run only checks it; otherwise it is written, all or nothing.
 * A rejected file comes back as a result with its errors, not as a thrown error.
 */
export function useRunImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({ file, dryRun, onProgress }: ImportInput): Promise<ImportResult> => {
      const url = buildUrl(importLedger.path, undefined, { dryRun: String(dryRun) })
      const contentType = SENT_TYPES.includes(file.type) ? file.type : 'application/octet-stream'
      const answer = await uploadRaw(url, file, { contentType, ...(onProgress ? { onProgress } : {}) })
      // Errors in the ledger come back as a 200 with ok: false; anything else is a problem.
      if (answer.status >= 200 && answer.status < 300 && isImportResult(answer.body)) return answer.body
      throw problemOf(answer)
    },
    onSuccess: (result) => {
      if (result.dryRun || !result.ok) return
      // Imported records change every count and list.
      return queryClient.invalidateQueries()
    },
  })
}
