import {
  CARE_KINDS,
  CASE_LEADS,
  type CodeList,
  labelOf,
  NEW_CASE_ROUTES,
  REFERRAL_OUTCOMES,
  RELATIONSHIPS,
  SUPPORT_ACTIVITIES,
  SUPPORT_GOALS,
} from '#shared/codes.ts'
import type { CaseEvent } from '#shared/contracts/cases.ts'
import { formatInstant } from '#shared/dates.ts'
import { MeetingNo } from '#web/components/record-no.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { HISTORY_FIELD_LABELS, historyValue } from '#web/lib/field-labels.ts'
import { usePeople } from '#web/lib/people-query.ts'
import { PERSON_FIELD_LABELS, personTitle } from '#web/lib/person-labels.ts'
import { useStaff, useUnits, useWardName } from '#web/lib/reference-data.ts'
import { useCase } from '../api/get-case.ts'
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
  assessed: '追加アセスメント',
  consent_recorded: '本人同意の記録',
  consent_withdrawn: '本人同意の撤回',
  meeting_decision: '支援調整会議の決定',
  support_plan_updated: '支援計画の更新',
  activity_added: '支援内容の記録',
  activity_corrected: '支援内容の訂正',
  observed_change_added: '本人の変化の記録',
  referral_added: '社会資源へのつなぎ',
  referral_updated: 'つなぎの結果の記録',
  person_added: '相談者・世帯員の追加',
  person_updated: '相談者・世帯員の変更',
  person_removed: '相談者・世帯員の削除',
}

/** A person's changes come as `person.<field>`, with the person form's labels and codes. */
const PERSON_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(PERSON_FIELD_LABELS).map(([k, v]) => [`person.${k}`, v]),
)
const YES_NO_FIELDS = new Set(
  ['consulter', 'livesWith', 'mayNameCity', 'mayLeaveMessage', 'keepFromPerson'].map((f) => `person.${f}`),
)

/** The ward's and the meeting's fields, which the shared labels do not name. */
const WARD_FIELD_LABELS: Record<string, string> = {
  wardRoute: '新規ケース経路',
  wardAssessment: '追加アセスメント',
  consentOn: '本人同意日',
  consentNote: '本人同意の補足',
  lead: '主担当',
  leadUnitId: '主担当の機関',
  leadAccountId: '主担当者',
  nextReviewOn: '次回確認日',
  'review.lead': '主担当',
  'supportPlan.goals': '目標',
  'supportPlan.goalNote': '目標の補足',
  'supportPlan.progressSummary': '経過のまとめ',
  'activity.doneOn': '支援日',
  'activity.kind': '支援内容',
  'activity.minutes': '所要時間（分）',
  'activity.note': 'メモ',
  'observedChange.observedOn': '変化に気づいた日',
  'observedChange.note': '本人の変化',
  'referral.resource': 'つなぎ先',
  'referral.referredOn': 'つないだ日',
  'referral.outcome': '結果',
  'referral.outcomeOn': '結果の日付',
  'referral.note': 'メモ',
  'contact.personId': '相手',
}
const WARD_CODED: Record<string, CodeList<string>> = {
  'person.relationship': RELATIONSHIPS,
  wardRoute: NEW_CASE_ROUTES,
  lead: CASE_LEADS,
  'review.lead': CASE_LEADS,
  'activity.kind': SUPPORT_ACTIVITIES,
  'referral.outcome': REFERRAL_OUTCOMES,
}
/** Multi-valued codes, stored joined with ';'. */
const WARD_MULTI: Record<string, CodeList<string>> = {
  'supportPlan.goals': SUPPORT_GOALS,
  'person.care': CARE_KINDS,
}

/** Every change to the case, oldest first as the server sends it (read as a story): who, when, from what to what. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const history = useCaseHistory(caseId)
  const wardName = useWardName()
  const staff = useStaff()
  const units = useUnits()
  // The staff list holds only the reader's own side; the case names its current lead worker.
  const current = useCase(caseId).data
  const people = usePeople(caseId).data
  // Contact changes come as `contact.<field>`; they share labels and codes with the contact form.
  const bare = (field: string) => field.replace(/^contact\./, '')
  const readable = (field: string, value: string | null) => {
    const key = bare(field)
    if (key === 'staffId' && value)
      return staff.data?.find((s) => s.id === value)?.name ?? '（一覧にない職員）'
    if (key === 'personId' && value) {
      const person = people?.find((p) => p.id === value)
      return person ? personTitle(person) : '（削除された相手）'
    }
    // The meeting's lead is stored by id: show the organisation's or the worker's name.
    if (field === 'leadUnitId' && value)
      return units.data?.find((u) => u.id === value)?.name ?? '（一覧にない組織）'
    if (field === 'leadAccountId' && value)
      return (
        (value === current?.leadAccountId ? current.leadAccountName : null) ??
        staff.data?.find((s) => s.id === value)?.name ??
        '（一覧にない職員）'
      )
    if (field === 'person.livesWith' && value) return value === 'true' ? '同居' : '別居'
    if (YES_NO_FIELDS.has(field) && value) return value === 'true' ? 'はい' : 'いいえ'
    // A person's numbers are kept joined; staff read them one after another.
    if (field === 'person.phones' && value) return value.split(';').join('、')
    const coded = WARD_CODED[field]
    if (coded && value) return labelOf(coded, value)
    const multi = WARD_MULTI[field]
    if (multi && value)
      return value
        .split(';')
        .map((code) => labelOf(multi, code))
        .join('、')
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
                  {HISTORY_FIELD_LABELS[bare(change.field)] ??
                    WARD_FIELD_LABELS[change.field] ??
                    PERSON_LABELS[change.field] ??
                    change.field}
                  ：{readable(change.field, change.from)} → {readable(change.field, change.to)}
                </li>
              ))}
            </ul>
          )}
          {event.reason && (
            <p className="mt-1 text-std-16N-170">
              理由：
              <ReasonText reason={event.reason} />
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}

/** Decisions give 「支援調整会議 kita-20261124」 as their reason: the number is shown as staff read it. */
function ReasonText({ reason }: { reason: string }) {
  const meeting = /^支援調整会議 (\S+)$/u.exec(reason)
  if (!meeting) return <>{reason}</>
  return (
    <>
      支援調整会議 <MeetingNo meetingNo={meeting[1]!} />
    </>
  )
}
