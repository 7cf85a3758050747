import { useState } from 'react'
import { CONTACT_METHODS, COUNTERPARTS, labelOf } from '#shared/codes.ts'
import type { Contact } from '#shared/contracts/contacts.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { useContacts } from '../api/list-contacts.ts'
import { ContactForm } from './contact-form.tsx'

const dueText = (on: string, time: string | null) => `${formatWareki(on)}${time ? ` ${time}` : ''}`

function ContactEntry({
  caseId,
  contact,
  onCorrected,
}: {
  caseId: string
  contact: Contact
  onCorrected?: () => void
}) {
  const [editing, setEditing] = useState(false)
  const when = `${formatWareki(contact.contactedOn)}${contact.time ? ` ${contact.time}` : ''}`
  const headingId = `contact-${contact.id}-title`
  return (
    <li className="border-l-4 border-key-900 pl-4">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="text-std-18B-160">
          {when}　{labelOf(CONTACT_METHODS, contact.method)}（{labelOf(COUNTERPARTS, contact.counterpart)}
          {contact.personName && `：${contact.personName}`}）
        </h3>
        <p className="text-std-16N-170 text-solid-gray-800">
          担当者：{contact.staffName ?? '未設定'}
          {contact.minutes !== null && `・所要時間：${contact.minutes}分`}
        </p>
        {editing ? (
          <div className="mt-4 rounded-8 border border-solid-gray-300 p-4">
            <ContactForm
              caseId={caseId}
              contact={contact}
              onDone={() => {
                setEditing(false)
                onCorrected?.()
              }}
              onCancel={() => setEditing(false)}
            />
          </div>
        ) : (
          <>
            <p className="mt-2 whitespace-pre-wrap text-std-16N-170">
              {contact.summary ?? '（内容の記録なし）'}
            </p>
            {(contact.nextStep || contact.nextStepDueOn) && (
              <p className="mt-2 text-std-16N-170">
                次の対応：{contact.nextStep ?? '（内容の記録なし）'}
                {contact.nextStepDueOn &&
                  `（期日：${dueText(contact.nextStepDueOn, contact.nextStepDueTime)}）`}
              </p>
            )}
            {onCorrected && (
              <Button variant="tertiary" size="sm" className="mt-2" onClick={() => setEditing(true)}>
                訂正<span className="sr-only">（{when}の対応記録）</span>
              </Button>
            )}
          </>
        )}
      </article>
    </li>
  )
}

/**
 * The case's contacts, newest first, each correctable in place; read-only without onChanged
 * (lead workers read the contacts, the window and the ward record them).
 */
export function ContactTimeline({
  caseId,
  onChanged,
}: {
  caseId: string
  onChanged?: (message: string) => void
}) {
  const contacts = useContacts(caseId)
  if (contacts.isPending) return <Loading what="対応記録" />
  if (contacts.error) return <QueryError error={contacts.error} />
  if (contacts.data.length === 0) {
    return (
      <p className="text-std-16N-170">
        対応記録はまだありません。{onChanged && '上のフォームから最初の対応を記録してください。'}
      </p>
    )
  }
  return (
    <ol className="flex flex-col gap-6">
      {contacts.data.map((c) => (
        <ContactEntry
          key={c.id}
          caseId={caseId}
          contact={c}
          onCorrected={onChanged && (() => onChanged('対応記録を訂正しました。'))}
        />
      ))}
    </ol>
  )
}
