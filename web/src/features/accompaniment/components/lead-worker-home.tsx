import { Link } from '@tanstack/react-router'
import { REVIEW_DUE_DAYS } from '#shared/contracts/accompaniment.ts'
import { formatWareki } from '#shared/dates.ts'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useMyCaseMeetings } from '../api/get-my-case-meetings.ts'
import { useMyCases } from '../api/get-my-cases.ts'
import { dueText, homeLists } from '../home-today.ts'
import { Flag } from './flag.tsx'

const SECTION = 'mb-10'
const H2 = 'mb-4 text-std-24B-150'
const LIST = 'flex flex-col gap-3'
const ITEM = 'rounded-8 border border-solid-gray-300 p-4'

function CaseLink({ c }: { c: { id: string; caseNo: string; name: string | null } }) {
  return (
    <>
      <Link to="/cases/$id" params={{ id: c.id }} className="text-std-18B-160">
        {c.caseNo}
      </Link>
      <span className="ml-2 text-std-16N-170">{c.name ?? '氏名不明'}</span>
    </>
  )
}

/**
 * The lead worker's day (よりそい支援員, and agencies leading cases): reviews that are due, cases
 * gone quiet, every led case by its next review, and the meetings ahead where their cases are
 * discussed. Everything comes from the caller's own cases; nothing here needs another role's list.
 */
export function LeadWorkerHome({ showMeetings }: { showMeetings: boolean }) {
  const my = useMyCases()
  return (
    <>
      {my.isPending && <Loading what="担当ケース" />}
      {my.error && <QueryError error={my.error} />}
      {my.data && <CaseLists data={my.data} />}
      {showMeetings && <MyCaseMeetings />}
    </>
  )
}

function CaseLists({ data }: { data: NonNullable<ReturnType<typeof useMyCases>['data']> }) {
  const { due, quiet, led } = homeLists(data.items, data.today)
  return (
    <>
      <section aria-labelledby="home-due" className={SECTION}>
        <h2 id="home-due" className={H2}>
          期日の近い確認（{REVIEW_DUE_DAYS}日以内）
        </h2>
        {due.length === 0 ? (
          <p className="text-std-16N-170">{REVIEW_DUE_DAYS}日以内に確認日を迎えるケースはありません。</p>
        ) : (
          <>
            <p className="mb-3 text-std-16N-170">
              確認日までに支援記録と経過のまとめを更新してください（会議で経過のまとめが読まれます）。
            </p>
            <ul className={LIST}>
              {due.map(({ case: c, daysLeft }) => (
                <li key={c.id} className={ITEM}>
                  <CaseLink c={c} />
                  <p className="mt-1 text-std-16N-170">
                    次回確認日：{formatWareki(c.nextReviewOn!)}
                    <span className="ml-2">
                      {daysLeft < 0 ? <Flag>{dueText(daysLeft)}</Flag> : <strong>{dueText(daysLeft)}</strong>}
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="home-quiet" className={SECTION}>
        <h2 id="home-quiet" className={H2}>
          {data.noActivityDays}日以上支援記録のないケース
        </h2>
        {quiet.length === 0 ? (
          <p className="text-std-16N-170">{data.noActivityDays}日以上支援記録のないケースはありません。</p>
        ) : (
          <ul className={LIST}>
            {quiet.map((c) => (
              <li key={c.id} className={ITEM}>
                <CaseLink c={c} />
                <p className="mt-1 text-std-16N-170">
                  <Flag>{`${c.daysWithoutActivity}日間 支援記録なし`}</Flag>
                  <span className="ml-2">
                    {c.lastActivityOn
                      ? `最終支援日：${formatWareki(c.lastActivityOn)}`
                      : '支援記録はまだありません'}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-led" className={SECTION}>
        <h2 id="home-led" className={H2}>
          主担当のケース（{led.length}件・次回確認日の順）
        </h2>
        {led.length === 0 ? (
          <p className="text-std-16N-170">主担当となっているケースはありません。</p>
        ) : (
          <ul className={LIST}>
            {led.map((c) => (
              <li key={c.id} className={ITEM}>
                <CaseLink c={c} />
                <p className="mt-1 text-std-16N-170">
                  次回確認日：{c.nextReviewOn ? formatWareki(c.nextReviewOn) : '未定'}
                  <span className="ml-4">
                    最終支援日：{c.lastActivityOn ? formatWareki(c.lastActivityOn) : 'なし'}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-std-16N-170">
          <Link to="/my-cases">担当ケースの一覧</Link>で並べ替え・支援計画の記録ができます。
        </p>
      </section>
    </>
  )
}

/** Meetings ahead with the caller's cases on the agenda: only those cases are named. */
function MyCaseMeetings() {
  const list = useMyCaseMeetings()
  return (
    <section aria-labelledby="home-meetings" className={SECTION}>
      <h2 id="home-meetings" className={H2}>
        担当ケースが議題の支援調整会議
      </h2>
      {list.isPending && <Loading what="会議の予定" />}
      {list.error && <QueryError error={list.error} />}
      {list.data && list.data.items.length === 0 && (
        <p className="text-std-16N-170">担当ケースが議題になっている今後の会議はありません。</p>
      )}
      {list.data && list.data.items.length > 0 && (
        <ul className={LIST}>
          {list.data.items.map((m) => (
            <li key={m.meetingId} className={ITEM}>
              <p className="text-std-18B-160">
                {formatWareki(m.heldOn)}
                {m.startTime ? ` ${m.startTime}～` : ''}　{m.wardName ?? ''} 支援調整会議
              </p>
              {m.place && <p className="text-std-16N-170">場所：{m.place}</p>}
              <p className="mt-1 text-std-16N-170">議題の担当ケース：</p>
              <ul className="ml-6 list-disc text-std-16N-170">
                {m.cases.map((c) => (
                  <li key={c.id}>
                    <Link to="/cases/$id" params={{ id: c.id }}>
                      {c.caseNo}
                    </Link>
                    <span className="ml-2">{c.name ?? '氏名不明'}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
