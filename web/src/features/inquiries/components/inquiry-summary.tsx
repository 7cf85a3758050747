import { Link } from '@tanstack/react-router'
import type { InboxFilter } from '#shared/contracts/inquiries.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useInquiryCounts } from '../api/get-inquiry-counts.ts'

const BOXES: { filter: Extract<InboxFilter, 'new' | 'urgent' | 'overdue'>; label: string }[] = [
  { filter: 'new', label: '未対応' },
  { filter: 'urgent', label: '緊急' },
  { filter: 'overdue', label: '期限超過（返信待ち）' },
]

/**
 * The home page's web consultation counts. The window's counsellors follow each to the inbox;
 * headquarters sees the numbers only (aggregates, no thread).
 */
export function InquirySummary({ linked }: { linked: boolean }) {
  const counts = useInquiryCounts()
  return (
    <section aria-labelledby="inquiry-summary" className="mb-12">
      <h2 id="inquiry-summary" className="mb-4 text-std-24B-150">
        ウェブ相談
      </h2>
      {counts.isPending && <Loading what="ウェブ相談の件数" />}
      {counts.error && <QueryError error={counts.error} />}
      {counts.data && (
        <ul className="grid gap-4 sm:grid-cols-3">
          {BOXES.map(({ filter, label }) => (
            <li key={filter} className="rounded-8 border border-solid-gray-300 p-4">
              {linked ? (
                <Link to="/inquiries" search={{ filter }} className="text-std-18B-160">
                  {label}
                </Link>
              ) : (
                <span className="text-std-18B-160">{label}</span>
              )}
              <p className="mt-1 text-std-32B-150">
                {counts.data[filter]}
                <span className="ml-1 text-std-16N-170">件</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
