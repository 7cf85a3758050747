import { Link } from '@tanstack/react-router'
import { isApiError } from '#web/lib/api-error.ts'
import { useMe } from '#web/lib/session.ts'
import { useMeetings } from '../api/list-meetings.ts'
import { agendaCountText, meetingWhenText } from '../meeting-format.ts'

/** The next meetings the signed-in user takes part in. Roles the API refuses (403) see nothing. */
export function UpcomingMeetings() {
  const me = useMe()
  const list = useMeetings({ when: 'upcoming', page: 1, pageSize: 3 })
  if (isApiError(list.error) && list.error.status === 403) return null
  const agency = me.can.meetAsAgency

  return (
    <section aria-labelledby="upcoming-meetings" className="mb-10">
      <h2 id="upcoming-meetings" className="mb-4 text-std-24B-150">
        今後の支援調整会議
      </h2>
      {list.isPending && (
        <p role="status" className="text-std-16N-170 text-solid-gray-800">
          会議を読み込んでいます…
        </p>
      )}
      {list.error && (
        <p className="text-std-16N-170">
          会議の予定を読み込めませんでした。<Link to="/meetings">支援調整会議</Link>
          のページで確認してください。
        </p>
      )}
      {list.data && list.data.items.length === 0 && (
        <p className="text-std-16N-170">
          {agency ? '招かれている今後の会議はありません。' : '予定されている会議はありません。'}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul className="flex flex-col gap-3">
          {list.data.items.map((m) => (
            <li key={m.id} className="rounded-8 border border-solid-gray-300 p-4">
              <Link to="/meetings/$meetingId" params={{ meetingId: m.id }} className="text-std-18B-160">
                {meetingWhenText(m.heldOn, m.startTime)}　{m.wardName}
              </Link>
              <p className="mt-1 text-std-16N-170">
                {m.place ? `場所：${m.place}　` : ''}議題：{agendaCountText(m.agendaCount, m.decidedCount)}
                {agency &&
                  (m.acknowledgedAt
                    ? '　守秘義務：確認済'
                    : '　守秘義務：未確認（会議のページで確認してください）')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.total > list.data.items.length && (
        <p className="mt-3 text-std-16N-170">
          <Link to="/meetings">ほかの会議（全{list.data.total}件）を見る</Link>
        </p>
      )}
    </section>
  )
}
