import { Link } from '@tanstack/react-router'
import { formatWareki } from '#shared/dates.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useWardInbox } from '../api/list-inbox.ts'

/** How many of the longest-waiting cases the home lists by name; the inbox has the rest. */
const LONGEST_SHOWN = 5

/**
 * The coordinator's home: how many cases wait for the additional assessment or are ready for
 * the meeting, and the cases waiting over the city's limit (設定「待ちが長い」とする日数), longest first.
 */
export function InboxSummary() {
  const inbox = useWardInbox({ state: 'all', order: 'longest', page: 1, pageSize: LONGEST_SHOWN })
  const long = inbox.data?.items.filter((i) => i.waitingLong) ?? []
  return (
    <section aria-labelledby="inbox-summary" className="mb-12">
      <h2 id="inbox-summary" className="mb-4 text-std-24B-150">
        引継ぎ・受付
      </h2>
      {inbox.isPending && <Loading what="引継ぎ・受付の件数" />}
      {inbox.error && <QueryError error={inbox.error} />}
      {inbox.data && (
        <>
          <ul className="grid gap-4 sm:grid-cols-3">
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
            <li
              className={`rounded-8 border p-4 ${inbox.data.counts.waitingLong > 0 ? 'border-2 border-error-2' : 'border-solid-gray-300'}`}
            >
              <Link to="/ward/inbox" className="text-std-18B-160">
                {inbox.data.waitLimitDays}日を超えて待っている
              </Link>
              <p
                className={`mt-1 text-std-32B-150 ${inbox.data.counts.waitingLong > 0 ? 'text-error-2' : ''}`}
              >
                {inbox.data.counts.waitingLong}
                <span className="ml-1 text-std-16N-170">件</span>
              </p>
            </li>
          </ul>
          {long.length > 0 && (
            <div className="mt-4">
              <h3 className="mb-2 text-std-18B-160">待ちが長いケース（長い順）</h3>
              <ul className="flex flex-col gap-2 text-std-16N-170">
                {long.map((i) => (
                  <li key={i.id}>
                    <Link to="/cases/$id" params={{ id: i.id }}>
                      {i.caseNo}
                    </Link>
                    ：<strong className="text-error-2">{i.daysWaiting}日</strong>（
                    {formatWareki(i.waitingSince)}
                    {i.handedOverOn ? 'に引継ぎ' : 'に区で受付'}）
                  </li>
                ))}
              </ul>
              {inbox.data.counts.waitingLong > long.length && (
                <p className="mt-2 text-std-16N-170">
                  <Link to="/ward/inbox">
                    ほか{inbox.data.counts.waitingLong - long.length}件を引継ぎ・受付で見る
                  </Link>
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  )
}
