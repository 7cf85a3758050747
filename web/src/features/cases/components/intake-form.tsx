import { type FormEvent, useState } from 'react'
import type { CaseDetail } from '../../../../../shared/contracts/cases.ts'
import { Button } from '../../../components/ui/button.tsx'
import { ErrorSummary } from '../../../components/ui/error-summary.tsx'
import { CASE_FIELD_LABELS } from '../../../lib/field-labels.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '../../../lib/form-errors.ts'
import { useCreateCase } from '../api/create-case.ts'
import { bodyFromValues, type CaseFormValues, emptyCaseValues } from '../case-form-values.ts'
import { CaseFieldset } from './case-fieldset.tsx'
import { SimilarCases } from './similar-cases.tsx'

const FIELDS = Object.keys(CASE_FIELD_LABELS)

/** Checks that need no server round trip; the server checks everything again. */
function checkLocally(values: CaseFormValues): FormErrors {
  const fields: Record<string, string> = {}
  if (!values.openedOn.trim()) fields.openedOn = '受付日を入力してください'
  if (!values.firstConsulter) fields.firstConsulter = '相談者を選択してください'
  return { fields }
}

/** 新規受付: opens a case at the caller's unit. */
export function IntakeForm({ onCreated }: { onCreated: (created: CaseDetail) => void }) {
  const [values, setValues] = useState<CaseFormValues>(emptyCaseValues)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const create = useCreateCase()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local = checkLocally(values)
    if (Object.keys(local.fields).length > 0) {
      setErrors(local)
      return
    }
    setErrors(noErrors)
    create.mutate(bodyFromValues(values), {
      onSuccess: onCreated,
      onError: (error) => setErrors(formErrorsFrom(error, FIELDS)),
    })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-8">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, CASE_FIELD_LABELS)} />
      <CaseFieldset
        values={values}
        onChange={setValues}
        errors={errors.fields}
        afterPerson={<SimilarCases values={values} />}
      />
      <div className="flex flex-wrap gap-4 border-t border-solid-gray-300 pt-8">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? '登録しています…' : '受付を登録する'}
        </Button>
      </div>
    </form>
  )
}
