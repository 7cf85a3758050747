import { Link } from '@tanstack/react-router'
import { INBOX_FILTER_LABELS, INBOX_FILTERS, type InboxFilter } from '#shared/contracts/inquiries.ts'

/** The inbox's views as links, so the view lives in the URL; each says how many threads it holds. */
export function InquiryTabs({
  current,
  counts,
}: {
  current: InboxFilter
  counts: Record<InboxFilter, number> | undefined
}) {
  return (
    <nav aria-label="ウェブ相談の表示の切り替え" className="mb-6 border-b-2 border-solid-gray-300">
      <ul className="flex flex-wrap gap-1">
        {INBOX_FILTERS.map((f) => (
          <li key={f}>
            <Link
              to="/inquiries"
              search={f === 'open' ? {} : { filter: f }}
              aria-current={f === current ? 'page' : undefined}
              activeOptions={{ exact: true, includeSearch: true }}
              className="-mb-0.5 inline-flex min-h-12 items-center gap-2 border-b-4 border-transparent px-4 text-std-16B-170 text-key-900 hover:bg-key-50 aria-[current=page]:border-key-900 aria-[current=page]:no-underline"
            >
              {INBOX_FILTER_LABELS[f]}
              {counts && <span className="text-std-16N-170">（{counts[f]}件）</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
