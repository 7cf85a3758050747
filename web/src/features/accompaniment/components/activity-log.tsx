import { useState } from 'react'
import { labelOf, SUPPORT_ACTIVITIES } from '#shared/codes.ts'
import type { Activity } from '#shared/contracts/accompaniment.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useActivities } from '../api/list-activities.ts'
import { ActivityForm } from './activity-form.tsx'

function ActivityEntry({
  caseId,
  activity,
  canWrite,
  onCorrected,
}: {
  caseId: string
  activity: Activity
  canWrite: boolean
  onCorrected: () => void
}) {
  const [editing, setEditing] = useState(false)
  const when = formatWareki(activity.doneOn)
  const headingId = `activity-${activity.id}-title`
  return (
    <li className="border-l-4 border-key-900 pl-4">
      <article aria-labelledby={headingId}>
        <h4 id={headingId} className="text-std-18B-160">
          {when}　{labelOf(SUPPORT_ACTIVITIES, activity.kind)}
        </h4>
        <p className="text-std-16N-170 text-solid-gray-800">
          記録者：{activity.accountName ?? '不明'}
          {activity.minutes !== null && `・所要時間：${activity.minutes}分`}
        </p>
        {editing ? (
          <div className="mt-4 rounded-8 border border-solid-gray-300 p-4">
            <ActivityForm
              caseId={caseId}
              activity={activity}
              onDone={() => {
                setEditing(false)
                onCorrected()
              }}
              onCancel={() => setEditing(false)}
            />
          </div>
        ) : (
          <>
            {activity.note && <p className="mt-2 whitespace-pre-wrap text-std-16N-170">{activity.note}</p>}
            {canWrite && (
              <Button variant="tertiary" size="sm" className="mt-2" onClick={() => setEditing(true)}>
                訂正<span className="sr-only">（{when}の支援内容）</span>
              </Button>
            )}
          </>
        )}
      </article>
    </li>
  )
}

/** 支援内容: the lead worker's log, newest first, each correctable in place by those who may write. */
export function ActivityLog({
  caseId,
  canWrite,
  onChanged,
}: {
  caseId: string
  canWrite: boolean
  onChanged: (message: string) => void
}) {
  const activities = useActivities(caseId)
  const [adding, setAdding] = useState(false)

  return (
    <section aria-labelledby={`${caseId}-activities`}>
      <h3 id={`${caseId}-activities`} className="mb-4 text-std-20B-150">
        支援内容の記録
        {activities.data && (
          <span className="ml-3 text-std-16N-170 text-solid-gray-800">{activities.data.length}件</span>
        )}
      </h3>
      {canWrite &&
        (adding ? (
          <section aria-labelledby="activity-new" className="mb-8 rounded-8 border border-solid-gray-300 p-6">
            <h4 id="activity-new" className="mb-6 text-std-18B-160">
              支援内容を記録
            </h4>
            <ActivityForm
              caseId={caseId}
              onDone={() => {
                setAdding(false)
                onChanged('支援内容を記録しました。')
              }}
              onCancel={() => setAdding(false)}
            />
          </section>
        ) : (
          <Button className="mb-6" onClick={() => setAdding(true)}>
            支援内容を記録
          </Button>
        ))}
      {activities.isPending && <Loading what="支援内容" />}
      {activities.error && <QueryError error={activities.error} />}
      {activities.data?.length === 0 && (
        <p className="text-std-16N-170">
          支援内容の記録はまだありません。
          {canWrite && '訪問や電話などの支援を行ったら、「支援内容を記録」から記録してください。'}
        </p>
      )}
      {activities.data && activities.data.length > 0 && (
        <ol className="flex flex-col gap-6">
          {activities.data.map((a) => (
            <ActivityEntry
              key={a.id}
              caseId={caseId}
              activity={a}
              canWrite={canWrite}
              onCorrected={() => onChanged('支援内容の記録を訂正しました。')}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
