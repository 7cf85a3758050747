import { isApiError } from '../../lib/api-error.ts'
import { Notice } from './notice.tsx'

/** Loading and error states of a query, announced politely. */
export function Loading({ what = 'データ' }: { what?: string }) {
  return (
    <p role="status" className="text-std-16N-170 text-solid-gray-800">
      {what}を読み込んでいます…
    </p>
  )
}

export function QueryError({ error }: { error: unknown }) {
  const message = isApiError(error) ? (error.problem.detail ?? error.problem.title) : '読み込みに失敗しました'
  return (
    <Notice tone="error" title="表示できませんでした" live="alert">
      {message}
    </Notice>
  )
}
