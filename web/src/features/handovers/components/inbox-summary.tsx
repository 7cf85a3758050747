import { Link } from '@tanstack/react-router'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useWardInbox } from '../api/list-inbox.ts'

/** How many cases wait for the additional assessment or are ready for the meeting, on the coordinator's home. */
export function InboxSummary() {
  // Only the counts are shown; one row is the least a page can carry.
  const inbox = useWardInbox({ state: 'all', page: 1, pageSize: 1 })
  return (
    <section aria-labelledby="inbox-summary" className="mb-12">
      <h2 id="inbox-summary" className="mb-4 text-std-24B-150">
        引継ぎ・受付
      </h2>
      {inbox.isPending && <Loading what="引継ぎ・受付の件数" />}
      {inbox.error && <QueryError error={inbox.error} />}
      {inbox.data && (
        <ul className="grid gap-4 sm:grid-cols-2">
          <li className="rounded-8 border border-solid-gray-300 p-4">
            <Link to="/ward/inbox" search={{ state: 'assessing' }} className="text-std-18B-160">
              追加アセスメント待ち
            </Link>
            <p className="mt-1 text-std-32B-150">
              {inbox.data.counts.assessing}
              <span className="ml-1 text-std-16N-170">件</span>
            </p>
          </li>
          <li className="rounded-8 border border-solid-gray-300 p-4">
            <Link to="/ward/inbox" search={{ state: 'ready' }} className="text-std-18B-160">
              会議付議可（会議待ち）
            </Link>
            <p className="mt-1 text-std-32B-150">
              {inbox.data.counts.ready}
              <span className="ml-1 text-std-16N-170">件</span>
            </p>
          </li>
        </ul>
      )}
    </section>
  )
}
