import type { ReactNode } from 'react'
import { AGE_BANDS, CONCERNS, FIRST_CONSULTERS, GENDERS, ROUTES, URGENCIES } from '#shared/codes.ts'
import { CheckboxGroup, RadioGroup } from '#web/components/ui/choice-group.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { CASE_FIELD_LABELS as L } from '#web/lib/field-labels.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useStaff, useWards } from '#web/lib/reference-data.ts'
import { asksAgeBand, type CaseFormValues } from '../case-form-values.ts'

export interface CaseFieldsetProps {
  values: CaseFormValues
  onChange: (values: CaseFormValues) => void
  errors: Record<string, string>
  /** Prefix of the control ids, for pages that hold more than one form. */
  idPrefix?: string
  /** Shown after the person's fields, e.g. the possible-duplicate warning. */
  afterPerson?: ReactNode
}

/** Every intake field of a case, shared by the intake form and the correction form. */
export function CaseFieldset({ values, onChange, errors, idPrefix = '', afterPerson }: CaseFieldsetProps) {
  const wards = useWards()
  const staff = useStaff()
  const id = (field: keyof CaseFormValues) => `${idPrefix}${field}`
  const set =
    <K extends keyof CaseFormValues>(key: K) =>
    (value: CaseFormValues[K]) =>
      onChange({ ...values, [key]: value })

  return (
    <div className="flex flex-col gap-8">
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-4 text-std-24B-150">相談の内容</legend>
        <DateField
          id={id('openedOn')}
          label={L.openedOn}
          required
          value={values.openedOn}
          onValueChange={set('openedOn')}
          error={errors.openedOn}
        />
        <RadioGroup
          id={id('firstConsulter')}
          legend={L.firstConsulter}
          required
          support="最初に相談してきた人"
          choices={optionsOf(FIRST_CONSULTERS)}
          value={values.firstConsulter}
          onValueChange={set('firstConsulter')}
          error={errors.firstConsulter}
        />
        <SelectField
          id={id('route')}
          label={L.route}
          support="相談窓口を知ったきっかけ"
          options={optionsOf(ROUTES)}
          value={values.route}
          onValueChange={set('route')}
          error={errors.route}
        />
        <CheckboxGroup
          id={id('concerns')}
          legend={L.concerns}
          support="当てはまるものをすべて選んでください"
          choices={optionsOf(CONCERNS)}
          values={values.concerns}
          onValuesChange={set('concerns')}
          error={errors.concerns}
        />
        <RadioGroup
          id={id('urgency')}
          legend={L.urgency}
          choices={optionsOf(URGENCIES)}
          value={values.urgency}
          onValueChange={set('urgency')}
          error={errors.urgency}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-6">
        <legend className="mb-4 text-std-24B-150">本人について</legend>
        <p className="text-std-16N-170 text-solid-gray-800">分からない項目は空欄のままで登録できます。</p>
        <TextField
          id={id('name')}
          label={L.name}
          value={values.name}
          onValueChange={set('name')}
          error={errors.name}
          autoComplete="off"
        />
        <TextField
          id={id('kana')}
          label={L.kana}
          support="ひらがなかカタカナ"
          value={values.kana}
          onValueChange={set('kana')}
          error={errors.kana}
          autoComplete="off"
        />
        <RadioGroup
          id={id('gender')}
          legend={L.gender}
          choices={optionsOf(GENDERS)}
          value={values.gender}
          onValueChange={set('gender')}
          error={errors.gender}
        />
        <div className="flex flex-wrap gap-8">
          <TextField
            id={id('age')}
            label={L.age}
            support="受付時点の年齢（歳）"
            inputMode="numeric"
            widthClass="w-28"
            value={values.age}
            onValueChange={set('age')}
            error={errors.age}
            autoComplete="off"
          />
          <TextField
            id={id('birthYear')}
            label={L.birthYear}
            support="西暦4桁（例：1985）"
            inputMode="numeric"
            widthClass="w-32"
            value={values.birthYear}
            onValueChange={set('birthYear')}
            error={errors.birthYear}
            autoComplete="off"
          />
        </div>
        {asksAgeBand(values) && (
          <SelectField
            id={id('ageBand')}
            label={L.ageBand}
            support="年齢も生まれ年も分からないときだけ、分かる範囲で選んでください"
            emptyLabel="選択しない"
            options={optionsOf(AGE_BANDS)}
            value={values.ageBand}
            onValueChange={set('ageBand')}
            error={errors.ageBand}
          />
        )}
        <SelectField
          id={id('ward')}
          label={L.ward}
          emptyLabel="不明"
          options={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
          value={values.ward}
          onValueChange={set('ward')}
          error={errors.ward}
        />
        {afterPerson}
      </fieldset>

      <SelectField
        id={id('staffId')}
        label={L.staffId}
        support="選ばないときは、登録する職員が担当者になります"
        emptyLabel="自分（登録する職員）"
        options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.unitName}）` }))}
        value={values.staffId}
        onValueChange={set('staffId')}
        error={errors.staffId}
      />
    </div>
  )
}
