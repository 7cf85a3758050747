import type { CaseEvent } from '../../../../../shared/contracts/cases.ts'
import { formatInstant } from '../../../../../shared/dates.ts'
import { Loading, QueryError } from '../../../components/ui/query-state.tsx'
import { HISTORY_FIELD_LABELS, historyValue } from '../../../lib/field-labels.ts'
import { useStaff, useWardName } from '../../../lib/reference-data.ts'
import { useCaseHistory } from '../api/get-case-history.ts'

const ACTION_LABELS: Record<CaseEvent['action'], string> = {
  created: '受付',
  updated: '基本情報の訂正',
  contact_added: '対応記録の追加',
  contact_corrected: '対応記録の訂正',
  closed: '終結',
  handed_over: '引継ぎ',
  reopened: '再開',
  imported: '取込',
}

/** Every change to the case, newest first as the server sends it: who, when, from what to what. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const history = useCaseHistory(caseId)
  const wardName = useWardName()
  const staff = useStaff()
  // Contact changes come as `contact.<field>`; they share labels and codes with the contact form.
  const bare = (field: string) => field.replace(/^contact\./, '')
  const readable = (field: string, value: string | null) => {
    const key = bare(field)
    if (key === 'staffId' && value)
      return staff.data?.find((s) => s.id === value)?.name ?? '（一覧にない職員）'
    return historyValue(key, value, wardName)
  }

  if (history.isPending) return <Loading what="変更履歴" />
  if (history.error) return <QueryError error={history.error} />
  if (history.data.length === 0) return <p className="text-std-16N-170">変更履歴はまだありません。</p>

  return (
    <ol className="flex flex-col gap-4">
      {history.data.map((event) => (
        <li key={event.id} className="border-l-4 border-solid-gray-300 pl-4">
          <p className="text-std-16B-170">
            {ACTION_LABELS[event.action] ?? event.action}
            <span className="ml-3 text-std-16N-170 text-solid-gray-800">
              {formatInstant(event.at)}・{event.actorName}
            </span>
          </p>
          {event.changes.length > 0 && (
            <ul className="mt-1 list-disc pl-6 text-std-16N-170">
              {event.changes.map((change) => (
                <li key={change.field}>
                  {HISTORY_FIELD_LABELS[bare(change.field)] ?? change.field}：
                  {readable(change.field, change.from)} → {readable(change.field, change.to)}
                </li>
              ))}
            </ul>
          )}
          {event.reason && <p className="mt-1 text-std-16N-170">理由：{event.reason}</p>}
        </li>
      ))}
    </ol>
  )
}
