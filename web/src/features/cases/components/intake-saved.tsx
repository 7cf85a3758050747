import { Link } from '@tanstack/react-router'
import { useEffect, useRef } from 'react'
import { FIRST_CONSULTERS, labelOf, PHONE_LABELS } from '#shared/codes.ts'
import type { Person } from '#shared/contracts/people.ts'
import { CaseNo } from '#web/components/record-no.tsx'
import { Button, buttonClass } from '#web/components/ui/button.tsx'
import { DescriptionList } from '#web/components/ui/description-list.tsx'
import { cautionsOf } from '#web/lib/contact-cautions.ts'
import { useMe } from '#web/lib/session.ts'
import { consulterText, describeFirstContact, dueText } from '../intake-summary.ts'
import type { IntakeResult } from './intake-form.tsx'

/**
 * The page after saving an intake: what was stored (so the counsellor can check it against
 * the call) and the usual next steps. Focus moves to the message, so that a screen reader reads
 * it and the keyboard continues from here.
 */
export function IntakeSaved({ saved, onAnother }: { saved: IntakeResult; onAnother: () => void }) {
  const ref = useRef<HTMLElement>(null)
  const atWindow = useMe().can.intakeAtWindow
  useEffect(() => {
    ref.current?.focus()
  }, [])
  const contact = saved.firstContact
  const params = { id: saved.id }

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="intake-saved-title"
      className="flex flex-col gap-6 rounded-8 border-l-8 border-success-2 bg-green-50 p-6"
    >
      <h2 id="intake-saved-title" className="text-std-24B-150">
        <span className="sr-only">完了：</span>受付を登録しました（ケース番号 {saved.caseNo}）
      </h2>
      <DescriptionList
        items={[
          { term: 'ケース番号', value: <CaseNo caseNo={saved.caseNo} /> },
          { term: '本人', value: saved.name ?? '氏名不明' },
          { term: '相談者', value: labelOf(FIRST_CONSULTERS, saved.firstConsulter) },
          ...(saved.consulter
            ? [{ term: '連絡してきた人', value: <ConsulterContact person={saved.consulter} /> }]
            : []),
          { term: '受付時の対応', value: contact ? describeFirstContact(contact) : '記録なし' },
          ...(contact?.summary ? [{ term: '相談の内容', value: contact.summary }] : []),
          ...(contact?.nextStep ? [{ term: '次の対応', value: contact.nextStep }] : []),
          ...(contact?.nextStepDueOn ? [{ term: '次の対応の期日', value: dueText(contact) }] : []),
        ]}
      />
      <nav aria-label="次にすること">
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link to="/cases/$id" params={params} className={buttonClass('primary')}>
              ケースを開く
            </Link>
          </li>
          <li>
            <Link to="/cases/$id" params={params} hash="case-contacts" className={buttonClass('secondary')}>
              続けて対応を記録する
            </Link>
          </li>
          {atWindow && saved.status === 'open' && (
            <li>
              <Link to="/cases/$id" params={params} hash="case-basic" className={buttonClass('secondary')}>
                区へ引き継ぐ
              </Link>
            </li>
          )}
          <li>
            <Button variant="secondary" onClick={onAnother}>
              別の新規受付をする
            </Button>
          </li>
        </ul>
      </nav>
    </section>
  )
}

/** The caller and how to call them back: the cautions come before the number, as everywhere. */
function ConsulterContact({ person }: { person: Person }) {
  // The same words as the case page's 相談者・世帯, unasked cautions included.
  const cautions = cautionsOf(person).map((c) => c.text)
  return (
    <div className="flex flex-col gap-1">
      <span>{consulterText(person)}</span>
      {cautions.length > 0 && (
        <p className="text-std-16B-170 text-error-2">
          <span className="sr-only">注意：</span>連絡時の配慮：{cautions.join('・')}
        </p>
      )}
      {person.phones.map((p) => (
        <span key={`${p.label}-${p.number}`}>
          {p.label ? `${labelOf(PHONE_LABELS, p.label)} ` : ''}
          {p.number}
        </span>
      ))}
    </div>
  )
}
