import { useState } from 'react'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { IntakeForm, type IntakeResult } from '#web/features/cases/components/intake-form.tsx'
import { IntakeSaved } from '#web/features/cases/components/intake-saved.tsx'
import { RequireCaseRole } from '../require-role.tsx'

export function CaseNewPage() {
  const [saved, setSaved] = useState<IntakeResult | null>(null)
  // A new key gives the next intake an empty form.
  const [round, setRound] = useState(0)
  return (
    <RequireCaseRole>
      <PageHeading title={saved ? '新規受付（登録しました）' : '新規受付'} />
      {saved ? (
        <IntakeSaved
          saved={saved}
          onAnother={() => {
            setSaved(null)
            setRound((n) => n + 1)
          }}
        />
      ) : (
        <>
          <p className="mb-8 text-std-16N-170">
            相談を受け付けた内容と、その時の対応を登録します。「※必須」の項目以外は、分かる範囲で入力してください。
          </p>
          <IntakeForm key={round} onCreated={setSaved} />
        </>
      )}
    </RequireCaseRole>
  )
}
