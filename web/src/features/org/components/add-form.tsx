import { type FormEvent, type ReactNode, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'

export interface AddFormProps {
  /** The form's heading, e.g. 区・支所を追加 */
  title: string
  idOf: (field: string) => string
  labels: Record<string, string>
  submitLabel: string
  onSubmit: () => Promise<unknown>
  /** Clears the fields after a successful add. */
  onAdded: () => void
  children: (errors: FormErrors) => ReactNode
}

/** A small form that adds one item to a list, with the house's error summary and field errors. */
export function AddForm({ title, idOf, labels, submitLabel, onSubmit, onAdded, children }: AddFormProps) {
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [busy, setBusy] = useState(false)
  const [added, setAdded] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setErrors(noErrors)
    setAdded(false)
    try {
      await onSubmit()
      onAdded()
      setAdded(true)
    } catch (error) {
      setErrors(formErrorsFrom(error, Object.keys(labels)))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      noValidate
      onSubmit={(e) => void submit(e)}
      className="mt-4 flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4"
    >
      <h3 className="text-std-18B-160">{title}</h3>
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      {children(errors)}
      <div role="status" className="empty:hidden">
        {added && <p className="text-std-16B-170 text-success-2">追加しました。</p>}
      </div>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? '追加しています…' : submitLabel}
        </Button>
      </div>
    </form>
  )
}
