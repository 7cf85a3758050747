import { useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { ConsentForm } from './consent-form.tsx'
import { WithdrawConsentForm } from './withdraw-consent-form.tsx'

type Mode = 'view' | 'record' | 'withdraw'

/**
 * 本人同意: whether the person agreed that the case may be shared with the support coordination
 * meeting's agencies. The meetings show it to those who attend.
 */
export function ConsentSection({
  c,
  access,
  onDone,
}: {
  c: CaseDetail
  access: 'edit' | 'withdraw' | 'read'
  onDone: (message: string) => void
}) {
  const [mode, setMode] = useState<Mode>('view')
  const finish = (message: string) => () => {
    setMode('view')
    onDone(message)
  }
  const cancel = () => setMode('view')

  return (
    <section aria-labelledby="case-consent" className="mb-12">
      <h2 id="case-consent" className="mb-2 text-std-24B-150">
        本人同意
      </h2>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800">
        支援調整会議で、関係機関とこのケースの情報を共有することへの本人の同意です。
      </p>
      <DescriptionList
        items={[
          {
            term: '同意日',
            value: c.consentOn ? (
              formatWareki(c.consentOn)
            ) : (
              <span className="text-solid-gray-800">記録なし（同意は確認されていません）</span>
            ),
          },
          ...(c.consentOn
            ? [{ term: '同意の補足', value: <span className="whitespace-pre-wrap">{c.consentNote}</span> }]
            : []),
        ]}
      />
      {mode === 'record' && (
        <div className="mt-6 rounded-8 border border-solid-gray-300 p-6">
          <h3 className="mb-6 text-std-20B-150">{c.consentOn ? '本人同意の記録を修正' : '本人同意を記録'}</h3>
          <ConsentForm c={c} onDone={finish('本人同意を記録しました。')} onCancel={cancel} />
        </div>
      )}
      {mode === 'withdraw' && (
        <div className="mt-6 rounded-8 border border-solid-gray-300 p-6">
          <h3 className="mb-6 text-std-20B-150">本人同意の撤回を記録</h3>
          <WithdrawConsentForm c={c} onDone={finish('本人同意の撤回を記録しました。')} onCancel={cancel} />
        </div>
      )}
      {mode === 'view' && access !== 'read' && (
        <div className="mt-6 flex flex-wrap gap-4">
          {access === 'edit' && (
            <Button variant={c.consentOn ? 'secondary' : 'primary'} onClick={() => setMode('record')}>
              {c.consentOn ? '同意の記録を修正' : '本人同意を記録'}
            </Button>
          )}
          {c.consentOn && (
            <Button variant="secondary" onClick={() => setMode('withdraw')}>
              同意の撤回を記録
            </Button>
          )}
        </div>
      )}
    </section>
  )
}
