import { useState } from 'react'
import type { CaseDetail } from '#shared/contracts/cases.ts'
import { Button } from '#web/components/ui/button.tsx'
import { useMe } from '#web/lib/session.ts'
import { CloseCaseForm } from './close-case-form.tsx'
import { CorrectCaseForm } from './correct-case-form.tsx'
import { HandoverForm } from './handover-form.tsx'
import { ReopenForm } from './reopen-form.tsx'

type Action = 'close' | 'handover' | 'reopen' | 'correct'

const TITLES: Record<Action, string> = {
  close: '終結',
  handover: '区へ引継ぎ',
  reopen: '再開',
  correct: '基本情報を訂正',
}

const DONE: Record<Action, string> = {
  close: 'ケースを終結しました。',
  handover: 'ケースを区へ引き継ぎました。',
  reopen: 'ケースを再開しました。',
  correct: '基本情報を訂正しました。',
}

/** Which actions the case's status allows; the server checks the same rules again. */
function actionsFor(c: CaseDetail, atWindow: boolean): Action[] {
  // Only the window hands cases over; a case opened at a ward centre is already there.
  if (c.status === 'open')
    return c.intakeUnit === 'window' ? ['close', 'handover', 'correct'] : ['close', 'correct']
  // A handed-over case is the receiving ward's to close; only the window takes it back.
  if (c.status === 'handed_over') return atWindow ? ['reopen', 'correct'] : ['close', 'correct']
  return ['reopen', 'correct']
}

/**
 * The state-changing actions of a case, one form open at a time. All secondary: they are rarer
 * than 対応を記録, which leads the page as its one primary button.
 */
export function CaseActions({ c, onDone }: { c: CaseDetail; onDone: (message: string) => void }) {
  const atWindow = useMe().can.intakeAtWindow
  const [active, setActive] = useState<Action | null>(null)
  const finish = (action: Action) => () => {
    setActive(null)
    onDone(DONE[action])
  }
  const cancel = () => setActive(null)

  if (active) {
    const props = { c, onDone: finish(active), onCancel: cancel }
    return (
      <section aria-labelledby="case-action-title" className="rounded-8 border border-solid-gray-300 p-6">
        <h2 id="case-action-title" className="mb-6 text-std-24B-150">
          {TITLES[active]}
        </h2>
        {active === 'close' && <CloseCaseForm {...props} />}
        {active === 'handover' && <HandoverForm {...props} />}
        {active === 'reopen' && <ReopenForm {...props} />}
        {active === 'correct' && <CorrectCaseForm {...props} />}
      </section>
    )
  }

  return (
    <div className="flex flex-wrap gap-4">
      {actionsFor(c, atWindow).map((action) => (
        <Button key={action} variant="secondary" onClick={() => setActive(action)}>
          {TITLES[action]}
        </Button>
      ))}
    </div>
  )
}
