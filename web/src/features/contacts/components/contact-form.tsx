import { type FormEvent, useState } from 'react'
import { CONTACT_METHODS } from '#shared/codes.ts'
import type { Contact } from '#shared/contracts/contacts.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { CONTACT_FIELD_LABELS as L } from '#web/lib/field-labels.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { usePeople } from '#web/lib/people-query.ts'
import { useStaff } from '#web/lib/reference-data.ts'
import { useAddContact } from '../api/add-contact.ts'
import { useCorrectContact } from '../api/correct-contact.ts'
import {
  type ContactFormValues,
  changedContactBody,
  checkContact,
  contactBody,
  emptyContactValues,
  valuesFromContact,
} from '../contact-form-values.ts'
import { derivedCounterpart, partyChoices, partyFrom, partyValue } from '../contact-party.ts'
import { NextStepDueFields } from './next-step-due-fields.tsx'

// 相手 is asked instead of 対象: the person picked decides 対象 (shared/counterpart.ts).
const labels = { ...L, counterpart: '相手', reason: '訂正の理由' }

/** A field error about the person belongs to the 相手 choice, which is where it is made. */
function errorsFrom(error: unknown): FormErrors {
  const errors = formErrorsFrom(error, [...Object.keys(labels), 'personId'])
  const { personId, ...fields } = errors.fields
  if (personId) fields.counterpart ??= personId
  return { ...errors, fields }
}

export interface ContactFormProps {
  caseId: string
  /** The contact being corrected; without it the form records a new one. */
  contact?: Contact
  onDone: () => void
  onCancel?: () => void
  /** A new contact's starting values (the last contact's method and counterpart). */
  preset?: Partial<ContactFormValues>
}

/** 対応を記録 and 訂正 share one form; a correction sends only what changed, with a reason. */
export function ContactForm({ caseId, contact, onDone, onCancel, preset }: ContactFormProps) {
  const prefix = contact ? `contact-${contact.id}-` : 'contact-'
  const idOf = (field: string) => `${prefix}${field}`
  const fresh = () => ({ ...emptyContactValues(), ...preset })
  const [initial] = useState(() => (contact ? valuesFromContact(contact) : fresh()))
  const [values, setValues] = useState<ContactFormValues>(initial)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const staff = useStaff()
  const people = usePeople(caseId)
  const derived = derivedCounterpart(values, people.data ?? [])
  const add = useAddContact(caseId)
  const correct = useCorrectContact(caseId, contact?.id ?? '')
  const pending = add.isPending || correct.isPending
  const set = (key: keyof ContactFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local = checkContact(values)
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    const onError = (error: unknown) => setErrors(errorsFrom(error))
    if (!contact) {
      add.mutate(contactBody(values), {
        onSuccess: () => {
          setValues(fresh())
          onDone()
        },
        onError,
      })
      return
    }
    const changes = changedContactBody(initial, values)
    if (Object.keys(changes).length === 0)
      return setErrors({ fields: {}, general: '変更された項目がありません。' })
    correct.mutate({ ...changes, reason: textOrNull(reason) }, { onSuccess: onDone, onError })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <div className="flex flex-wrap gap-8">
        <DateField
          id={idOf('contactedOn')}
          label={L.contactedOn}
          required
          value={values.contactedOn}
          onValueChange={set('contactedOn')}
          error={errors.fields.contactedOn}
        />
        <TextField
          id={idOf('time')}
          label={L.time}
          support="24時間制（例：14:05）"
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.time}
          onValueChange={set('time')}
          error={errors.fields.time}
        />
      </div>
      <RadioGroup
        id={idOf('method')}
        legend={L.method}
        required
        choices={optionsOf(CONTACT_METHODS)}
        value={values.method}
        onValueChange={set('method')}
        error={errors.fields.method}
      />
      <RadioGroup
        id={idOf('counterpart')}
        legend={labels.counterpart}
        required
        support={
          derived
            ? `対象：${derived}（相手から自動で決まります）`
            : '対象（本人・家族・親族・その他）は相手から決まります'
        }
        choices={partyChoices(people.data ?? [])}
        value={partyValue(values)}
        onValueChange={(choice) => setValues((v) => ({ ...v, ...partyFrom(choice) }))}
        error={errors.fields.counterpart}
      />
      <SelectField
        id={idOf('staffId')}
        label={L.staffId}
        emptyLabel="自分（記録する職員）"
        options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unitName}）` }))}
        value={values.staffId}
        onValueChange={set('staffId')}
        error={errors.fields.staffId}
      />
      <TextField
        id={idOf('minutes')}
        label={L.minutes}
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={values.minutes}
        onValueChange={set('minutes')}
        error={errors.fields.minutes}
      />
      <TextareaField
        id={idOf('summary')}
        label={L.summary}
        rows={6}
        maxLength={4000}
        value={values.summary}
        onValueChange={set('summary')}
        error={errors.fields.summary}
      />
      <TextareaField
        id={idOf('nextStep')}
        label={L.nextStep}
        rows={2}
        maxLength={1000}
        value={values.nextStep}
        onValueChange={set('nextStep')}
        error={errors.fields.nextStep}
      />
      <NextStepDueFields idOf={idOf} values={values} set={set} errors={errors.fields} />
      {contact && (
        <TextareaField
          id={idOf('reason')}
          label={labels.reason}
          rows={2}
          maxLength={500}
          value={reason}
          onValueChange={setReason}
          error={errors.fields.reason}
        />
      )}
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? '保存しています…' : contact ? '訂正を保存する' : '対応を記録する'}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            やめる
          </Button>
        )}
      </div>
    </form>
  )
}
