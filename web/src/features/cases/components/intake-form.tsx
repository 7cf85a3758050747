import { type FormEvent, useState } from 'react'
import { NEW_CASE_ROUTES } from '#shared/codes.ts'
import type { createCase } from '#shared/contracts/cases.ts'
import type { ResponseOf } from '#shared/contracts/define.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { CASE_FIELD_LABELS } from '#web/lib/field-labels.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useMe } from '#web/lib/session.ts'
import { useCreateCase } from '../api/create-case.ts'
import { bodyFromValues, type CaseFormValues, emptyCaseValues } from '../case-form-values.ts'
import { CONSULTER_LABELS, type ConsulterValues, consulterBody, emptyConsulter } from '../consulter-values.ts'
import {
  emptyFirstContact,
  FIRST_CONTACT_LABELS,
  type FirstContactValues,
  firstContactBody,
} from '../first-contact-values.ts'
import { checkIntake } from '../intake-checks.ts'
import { CaseFieldset } from './case-fieldset.tsx'
import { ConsulterFieldset } from './consulter-fieldset.tsx'
import { FirstContactFieldset } from './first-contact-fieldset.tsx'
import { SimilarCases } from './similar-cases.tsx'

// The route comes first on a ward's form, so it comes first in the error summary too.
const LABELS = {
  wardRoute: '新規ケース経路',
  ...CASE_FIELD_LABELS,
  ...CONSULTER_LABELS,
  ...FIRST_CONTACT_LABELS,
}
const FIELDS = Object.keys(LABELS)

/** A ward centre's own intake: from one of its sections, or on an agency's information. */
const WARD_ROUTE_CHOICES = optionsOf(NEW_CASE_ROUTES.filter((r) => r.code !== 'window'))
type WardRoute = 'ward_section' | 'agency'

export type IntakeResult = ResponseOf<typeof createCase>

/**
 * 新規受付: opens a case at the caller's unit together with the conversation that opened it (its
 * first contact). At a ward centre the case also records how it reached the ward (新規ケース経路);
 * the window's cases get theirs when handed over.
 */
export function IntakeForm({ onCreated }: { onCreated: (created: IntakeResult) => void }) {
  const me = useMe()
  const atWard = me.can.intakeAtWard
  const [values, setValues] = useState<CaseFormValues>(emptyCaseValues)
  const [wardRoute, setWardRoute] = useState('')
  const [caller, setCaller] = useState<ConsulterValues>(emptyConsulter)
  const [firstContact, setFirstContact] = useState<FirstContactValues>(emptyFirstContact)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const create = useCreateCase()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local = checkIntake(values, atWard ? wardRoute : null, caller, firstContact)
    if (Object.keys(local.fields).length > 0) {
      setErrors(local)
      return
    }
    setErrors(noErrors)
    const body = {
      ...bodyFromValues(values),
      consulter: consulterBody(caller),
      firstContact: firstContactBody(firstContact),
    }
    create.mutate(atWard ? { ...body, wardRoute: wardRoute as WardRoute } : body, {
      onSuccess: onCreated,
      onError: (error) => setErrors(formErrorsFrom(error, FIELDS)),
    })
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-8">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS)} />
      {atWard && (
        <RadioGroup
          id="wardRoute"
          legend={LABELS.wardRoute}
          required
          support="区役所・支所でこの相談を受けた経緯。相談窓口からの引継ぎは、引継ぎ・受付の一覧に届きます"
          choices={WARD_ROUTE_CHOICES}
          value={wardRoute}
          onValueChange={setWardRoute}
          error={errors.fields.wardRoute}
        />
      )}
      <CaseFieldset
        values={values}
        onChange={setValues}
        errors={errors.fields}
        afterPerson={<SimilarCases values={values} phone={caller.phone} />}
      />
      <ConsulterFieldset values={caller} onChange={setCaller} errors={errors.fields} />
      <FirstContactFieldset values={firstContact} onChange={setFirstContact} errors={errors.fields} />
      <div className="flex flex-wrap gap-4 border-t border-solid-gray-300 pt-8">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? '登録しています…' : '受付を登録する'}
        </Button>
      </div>
    </form>
  )
}
