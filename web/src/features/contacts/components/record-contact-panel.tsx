import { useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { useContacts } from '../api/list-contacts.ts'
import { presetFromLast } from '../contact-form-values.ts'
import { ContactForm } from './contact-form.tsx'

/**
 * 対応を記録, the commonest thing done on a case, first on its page: a button that opens the form
 * with the last contact's 手法 and 対象 preselected (the timeline lists newest first).
 */
export function RecordContactPanel({
  caseId,
  onSaved,
}: {
  caseId: string
  onSaved: (message: string) => void
}) {
  const [open, setOpen] = useState(false)
  const contacts = useContacts(caseId)
  if (!open) {
    return (
      // Waits for the timeline so that the preset is the real last contact, not none.
      <Button className="mb-8" disabled={contacts.isPending} onClick={() => setOpen(true)}>
        対応を記録
      </Button>
    )
  }
  return (
    <section aria-labelledby="contact-new" className="mb-12 rounded-8 border border-solid-gray-300 p-6">
      <h2 id="contact-new" className="mb-6 text-std-24B-150">
        対応を記録
      </h2>
      <ContactForm
        caseId={caseId}
        preset={presetFromLast(contacts.data?.[0])}
        onDone={() => {
          setOpen(false)
          onSaved('対応を記録しました。')
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  )
}
