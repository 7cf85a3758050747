import { formatWareki } from '#shared/dates.ts'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { leadText } from '../meeting-format.ts'
import type { Decision } from '../meeting-types.ts'

/** 役割分担 as a list of 「organisation：task」. */
export function AssignmentList({ assignments }: { assignments: Decision['assignments'] }) {
  if (assignments.length === 0) return <span className="text-solid-gray-700">なし</span>
  return (
    <ul className="list-disc pl-6">
      {assignments.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one unit may hold several tasks; the order is the identity
        <li key={i}>
          {a.unitName}：{a.task}
        </li>
      ))}
    </ul>
  )
}

/** A meeting's decision on one case: policy, lead, role assignments and the next review date. */
export function DecisionView({ decision }: { decision: Decision }) {
  return (
    <DescriptionList
      items={[
        { term: '支援方針', value: <span className="whitespace-pre-wrap">{decision.policy}</span> },
        { term: '主担当', value: leadText(decision) },
        { term: '役割分担', value: <AssignmentList assignments={decision.assignments} /> },
        { term: '次回確認日', value: decision.nextReviewOn ? formatWareki(decision.nextReviewOn) : '' },
      ]}
    />
  )
}
