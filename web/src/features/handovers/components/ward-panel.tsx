import { useState } from 'react'
import { CASE_LEADS, labelOf, NEW_CASE_ROUTES, WARD_STATES } from '#shared/codes.ts'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { type DescriptionItem, DescriptionList } from '#web/components/ui/description-list.tsx'
import { FlashStatus } from '#web/components/ui/flash-status.tsx'
import { useMe } from '#web/lib/session.ts'
import { consentAccess, isAtWard, mayAssess } from '../ward-access.ts'
import { AssessmentForm } from './assessment-form.tsx'
import { ConsentSection } from './consent-section.tsx'

const muted = (text: string) => <span className="text-solid-gray-800">{text}</span>

/** The lead (主担当) and next review date are set by the ward's meeting; shown here read-only. */
function leadItems(c: CaseDetail): DescriptionItem[] {
  if (!c.lead) return [{ term: '主担当', value: muted('未定（支援調整会議で決まります）') }]
  const items: DescriptionItem[] = [{ term: '主担当', value: labelOf(CASE_LEADS, c.lead) }]
  if (c.leadUnitName) items.push({ term: '主担当の組織', value: c.leadUnitName })
  if (c.leadAccountName) items.push({ term: '主担当者', value: c.leadAccountName })
  items.push({ term: '次回確認日', value: c.nextReviewOn ? formatWareki(c.nextReviewOn) : muted('未定') })
  return items
}

function WardSection({
  c,
  canAssess,
  onDone,
}: {
  c: CaseDetail
  canAssess: boolean
  onDone: (m: string) => void
}) {
  const [editing, setEditing] = useState(false)
  return (
    <section aria-labelledby="case-ward" className="mb-12">
      <h2 id="case-ward" className="mb-4 text-std-24B-150">
        区での対応
      </h2>
      <DescriptionList
        items={[
          {
            term: '新規ケース経路',
            value: c.wardRoute ? labelOf(NEW_CASE_ROUTES, c.wardRoute) : muted('記録なし'),
          },
          {
            term: '区の状況',
            value: c.wardState ? <strong>{labelOf(WARD_STATES, c.wardState)}</strong> : muted('記録なし'),
          },
          {
            term: '追加アセスメント',
            value: c.wardAssessment ? (
              <span className="whitespace-pre-wrap">{c.wardAssessment}</span>
            ) : (
              muted('未記入')
            ),
          },
          ...leadItems(c),
        ]}
      />
      {canAssess &&
        (editing ? (
          <div className="mt-6 rounded-8 border border-solid-gray-300 p-6">
            <h3 className="mb-6 text-std-20B-150">追加アセスメントを記入</h3>
            <AssessmentForm
              c={c}
              onDone={() => {
                setEditing(false)
                onDone('追加アセスメントを保存しました。')
              }}
              onCancel={() => setEditing(false)}
            />
          </div>
        ) : (
          <Button className="mt-6" onClick={() => setEditing(true)}>
            {c.wardAssessment ? '追加アセスメントを修正' : '追加アセスメントを記入'}
          </Button>
        ))}
    </section>
  )
}

/**
 * The ward's side of the case: how it reached the ward, the additional assessment and its
 * state, the lead and next review the meeting decided; and the person's consent, which the
 * window also records on its own cases. A window case never handed over shows the consent only.
 */
export function WardPanel({ c }: { c: CaseDetail }) {
  const me = useMe()
  const [message, setMessage] = useState('')
  return (
    <>
      <FlashStatus message={message} />
      {isAtWard(c) && <WardSection c={c} canAssess={mayAssess(me.can, c)} onDone={setMessage} />}
      <ConsentSection c={c} access={consentAccess(me.can, c)} onDone={setMessage} />
    </>
  )
}
