import { useState } from 'react'
import { AGE_BANDS, CASE_LEADS, CONCERNS, FIRST_CONSULTERS, GENDERS, labelOf } from '#shared/codes.ts'
import type { CaseStudyShare } from '#shared/contracts/network.ts'
import { formatInstant } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { focusSoon } from '#web/lib/focus-soon.ts'
import { useUnshareCase } from '../api/unshare-case.ts'

function ShareEntry({
  meetingId,
  share: s,
  index,
  onWithdrawn,
}: {
  meetingId: string
  share: CaseStudyShare
  index: number
  onWithdrawn: (message: string) => void
}) {
  const [confirming, setConfirming] = useState(false)
  const unshare = useUnshareCase(meetingId)
  const headingId = `share-${s.id}-title`
  return (
    <li>
      <article aria-labelledby={headingId} className="rounded-8 border border-solid-gray-300 p-6">
        <h3 id={headingId} className="text-std-20B-150">
          事例{index + 1}　{s.title}
        </h3>
        <p className="mb-4 text-std-16N-170 text-solid-gray-800">
          共有：{s.origin}
          {s.sharedByName && `（${s.sharedByName}）`}・{formatInstant(s.sharedAt)}
        </p>
        <DescriptionList
          items={[
            { term: '年齢区分', value: labelOf(AGE_BANDS, s.ageBand) },
            { term: '性別', value: labelOf(GENDERS, s.gender) },
            { term: '相談者', value: labelOf(FIRST_CONSULTERS, s.firstConsulter) },
            { term: '主訴・課題', value: s.concerns.map((c) => labelOf(CONCERNS, c)).join('・') },
            { term: '主担当', value: s.lead ? labelOf(CASE_LEADS, s.lead) : '未定' },
            { term: '受付年度', value: s.openedFiscalYear },
            { term: '概要', value: <span className="whitespace-pre-wrap">{s.summary}</span> },
            {
              term: '検討したいこと',
              value: s.question ? <span className="whitespace-pre-wrap">{s.question}</span> : '',
            },
          ]}
        />
        {s.canDelete &&
          (confirming ? (
            <div className="mt-4">
              <ConfirmPanel
                title={`「${s.title}」の共有を取り下げますか`}
                confirmLabel="共有を取り下げる"
                danger
                busy={unshare.isPending}
                onConfirm={() =>
                  unshare.mutate(s.id, {
                    onSuccess: () => {
                      onWithdrawn(`「${s.title}」の共有を取り下げました。`)
                      // The share leaves the list: its section's heading takes the focus.
                      focusSoon('network-shares')
                    },
                  })
                }
                onCancel={() => {
                  setConfirming(false)
                  focusSoon(`share-${s.id}-withdraw`)
                }}
              >
                この事例は会議の出席者から見えなくなります。
                {unshare.error && (
                  <div className="mt-4">
                    <Notice tone="error" live="alert">
                      {isApiError(unshare.error) ? unshare.error.message : '取り下げに失敗しました。'}
                    </Notice>
                  </div>
                )}
              </ConfirmPanel>
            </div>
          ) : (
            <Button
              id={`share-${s.id}-withdraw`}
              variant="tertiary"
              size="sm"
              className="mt-4"
              onClick={() => setConfirming(true)}
            >
              共有を取り下げる<span className="sr-only">（{s.title}）</span>
            </Button>
          ))}
      </article>
    </li>
  )
}

/** The anonymised case summaries shared to a case-study meeting, in the order they were shared. */
export function ShareList({
  meetingId,
  shares,
  onWithdrawn,
}: {
  meetingId: string
  shares: CaseStudyShare[]
  onWithdrawn: (message: string) => void
}) {
  if (shares.length === 0) {
    return <p className="text-std-16N-170">この会議に共有された事例はまだありません。</p>
  }
  return (
    <ol className="flex flex-col gap-6">
      {shares.map((s, i) => (
        <ShareEntry key={s.id} meetingId={meetingId} share={s} index={i} onWithdrawn={onWithdrawn} />
      ))}
    </ol>
  )
}
