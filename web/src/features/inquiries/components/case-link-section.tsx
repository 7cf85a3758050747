import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { AttachCaseForm } from './attach-case-form.tsx'
import { OpenCaseForm } from './open-case-form.tsx'

type Mode = 'open' | 'attach' | null

/**
 * The thread and a case: once linked, every message in and out counts as a メール contact of the
 * case (表3). Spam and closed threads are not linked.
 */
export function CaseLinkSection({ t, onDone }: { t: InquiryThread; onDone: (message: string) => void }) {
  const [mode, setMode] = useState<Mode>(null)
  const finish = (message: string) => {
    setMode(null)
    onDone(message)
  }

  let content: React.ReactNode
  if (t.caseId) {
    content = (
      <p className="text-std-16N-170">
        ケース{' '}
        <Link to="/cases/$id" params={{ id: t.caseId }}>
          {t.caseNo}
        </Link>{' '}
        に結び付いています。メッセージと返信は、このケースの対応記録（手法：メール）として数えます。
      </p>
    )
  } else if (t.spam || t.status !== 'open') {
    content = (
      <p className="text-std-16N-170">
        迷惑として扱っている相談や終了した相談は、ケースに結び付けられません。
      </p>
    )
  } else if (mode === 'open') {
    content = <OpenCaseForm t={t} onDone={finish} onCancel={() => setMode(null)} />
  } else if (mode === 'attach') {
    content = <AttachCaseForm t={t} onDone={finish} onCancel={() => setMode(null)} />
  } else {
    content = (
      <>
        <p className="mb-4 text-std-16N-170">
          継続して支援する相談は、ケースとして記録します。結び付けると、これまでとこれからのメッセージが対応記録（手法：メール）になります。
        </p>
        <div className="flex flex-wrap gap-4">
          <Button variant="secondary" onClick={() => setMode('open')}>
            新しいケースとして受け付ける
          </Button>
          <Button variant="secondary" onClick={() => setMode('attach')}>
            既存のケースに結び付ける
          </Button>
        </div>
      </>
    )
  }
  return (
    <section aria-labelledby="case-link-title" className="rounded-8 border border-solid-gray-300 p-6">
      <h2 id="case-link-title" className="mb-4 text-std-24B-150">
        ケースとの結び付け
      </h2>
      {content}
    </section>
  )
}
