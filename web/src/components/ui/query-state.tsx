import { isApiError } from '#web/lib/api-error.ts'
import { Notice } from './notice.tsx'

/** Loading and error states of a query, announced politely. */
export function Loading({ what = 'データ' }: { what?: string }) {
  return (
    <p role="status" className="text-std-16N-170 text-solid-gray-800">
      {what}を読み込んでいます…
    </p>
  )
}

/**
 * A query's error. `about` says what a 400 means: on a list, its search conditions were wrong
 * (the fields show which one); on one record's page, the address itself was (a mistyped or cut
 * URL), which the reader fixes by opening the record again rather than by searching.
 */
export function QueryError({ error, about = 'search' }: { error: unknown; about?: 'search' | 'record' }) {
  if (isApiError(error) && error.status === 400 && about === 'record') {
    return (
      <Notice tone="error" title="ページのアドレスを確認してください" live="alert">
        アドレス（URL）が途中で切れているか、誤っています。一覧から開き直してください。
      </Notice>
    )
  }
  if (isApiError(error) && error.status === 400) {
    return (
      <Notice tone="error" title="検索条件を確認してください" live="alert">
        {error.problem.errors?.length
          ? '赤く示した条件を直してから、もう一度表示してください。'
          : error.message}
      </Notice>
    )
  }
  const message = isApiError(error) ? (error.problem.detail ?? error.problem.title) : '読み込みに失敗しました'
  return (
    <Notice tone="error" title="表示できませんでした" live="alert">
      {message}
    </Notice>
  )
}
