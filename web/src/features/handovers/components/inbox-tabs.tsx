import { Link } from '@tanstack/react-router'
import type { InboxState } from '#shared/contracts/handovers.ts'

export const INBOX_TAB_LABELS: Record<InboxState, string> = {
  all: 'すべて',
  assessing: '追加アセスメント中',
  ready: '会議付議可',
}

/** The state filter as links, so that it lives in the URL; the current one is marked for everyone. */
export function InboxTabs({
  current,
  counts,
}: {
  current: InboxState
  counts: { assessing: number; ready: number } | undefined
}) {
  const countOf = (s: InboxState) =>
    counts ? (s === 'all' ? counts.assessing + counts.ready : counts[s]) : undefined
  return (
    <nav aria-label="区の状況で絞り込み" className="mb-6 border-b-2 border-solid-gray-300">
      <ul className="flex flex-wrap gap-1">
        {(Object.keys(INBOX_TAB_LABELS) as InboxState[]).map((s) => {
          const n = countOf(s)
          return (
            <li key={s}>
              <Link
                to="/ward/inbox"
                search={s === 'all' ? {} : { state: s }}
                aria-current={s === current ? 'page' : undefined}
                activeOptions={{ exact: true, includeSearch: true }}
                className="-mb-0.5 inline-flex min-h-12 items-center gap-2 border-b-4 border-transparent px-4 text-std-16B-170 text-key-900 hover:bg-key-50 aria-[current=page]:border-key-900 aria-[current=page]:no-underline"
              >
                {INBOX_TAB_LABELS[s]}
                {n !== undefined && <span className="text-std-16N-170">（{n}件）</span>}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
