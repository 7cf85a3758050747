import { Button } from './button.tsx'

export interface PaginationProps {
  page: number
  pageSize: number
  total: number
  onPageChange: (page: number) => void
  label?: string
}

/** Page numbers around the current one, with the first and last always reachable. */
function pageWindow(page: number, last: number): (number | 'gap')[] {
  const pages = new Set([1, last, page - 2, page - 1, page, page + 1, page + 2])
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b)
  const out: (number | 'gap')[] = []
  for (const p of sorted) {
    const prev = out[out.length - 1]
    if (typeof prev === 'number' && p - prev > 1) out.push('gap')
    out.push(p)
  }
  return out
}

export function Pagination({ page, pageSize, total, onPageChange, label = 'ページ送り' }: PaginationProps) {
  const last = Math.max(1, Math.ceil(total / pageSize))
  if (last <= 1) return null
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        <li>
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
            前へ
          </Button>
        </li>
        {pageWindow(page, last).map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity of their own
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={p}>
              <Button
                variant={p === page ? 'primary' : 'secondary'}
                size="sm"
                aria-current={p === page ? 'page' : undefined}
                aria-label={`${p}ページ目`}
                onClick={() => onPageChange(p)}
              >
                {p}
              </Button>
            </li>
          ),
        )}
        <li>
          <Button
            variant="secondary"
            size="sm"
            disabled={page >= last}
            onClick={() => onPageChange(page + 1)}
          >
            次へ
          </Button>
        </li>
      </ul>
    </nav>
  )
}

/** 「（21〜40件目を表示）」 beside a list's total: which rows this page shows ('' when none). */
export function shownRange(page: number, pageSize: number, total: number): string {
  return total > 0 ? `（${(page - 1) * pageSize + 1}〜${Math.min(page * pageSize, total)}件目を表示）` : ''
}
