import type { ReactNode } from 'react'
import { RELATIONSHIPS } from '#shared/codes.ts'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import type { YesNo } from '#web/lib/yes-no.ts'

// The fields of one of a case's people (相談者・世帯員), shared by the intake's caller and the case
// page's person form so that both ask the same questions the same way. Each form keeps its own
// ids, labels and error keys (the intake's are `consulter.*`, the API's nested names).

const LIVES_WITH = [
  { value: 'yes', label: '同居' },
  { value: 'no', label: '別居' },
  { value: '', label: '不明' },
]
const YES_NO = [
  { value: 'yes', label: 'はい' },
  { value: 'no', label: 'いいえ' },
  { value: '', label: '未確認' },
]

export interface PersonFieldValues {
  relationship: string
  name: string
  kana: string
  age: string
  livesWith: YesNo
}

export interface CautionValues {
  mayNameCity: YesNo
  mayLeaveMessage: YesNo
  keepFromPerson: YesNo
}

interface FieldsProps<V> {
  values: V
  onValue: (key: keyof V, value: string) => void
  /** The control's id (also the error summary's link target). */
  idOf: (key: keyof V) => string
  errorOf: (key: keyof V) => string | undefined
  labels: Record<keyof V, string>
  /** Support text by field; a form may give it for fields of both groups at once. */
  support?: Partial<Record<string, string>>
}

/** 続柄, 氏名, ふりがな, 年齢 and 同居; `afterRelationship` is where a form adds its own question. */
export function PersonFields({
  values,
  onValue,
  idOf,
  errorOf,
  labels,
  support = {},
  relationshipRequired = false,
  afterRelationship,
}: FieldsProps<PersonFieldValues> & { relationshipRequired?: boolean; afterRelationship?: ReactNode }) {
  const text = (key: 'name' | 'kana') => (
    <TextField
      id={idOf(key)}
      label={labels[key]}
      support={support[key]}
      autoComplete="off"
      widthClass="w-72"
      value={values[key]}
      onValueChange={(v) => onValue(key, v)}
      error={errorOf(key)}
    />
  )
  return (
    <>
      <SelectField
        id={idOf('relationship')}
        label={labels.relationship}
        required={relationshipRequired}
        support={support.relationship}
        emptyLabel="選択してください"
        options={optionsOf(RELATIONSHIPS)}
        value={values.relationship}
        onValueChange={(v) => onValue('relationship', v)}
        error={errorOf('relationship')}
      />
      {afterRelationship}
      <div className="flex flex-wrap gap-8">
        {text('name')}
        {text('kana')}
      </div>
      <div className="flex flex-wrap gap-8">
        <TextField
          id={idOf('age')}
          label={labels.age}
          support={support.age}
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.age}
          onValueChange={(v) => onValue('age', v)}
          error={errorOf('age')}
        />
        <RadioGroup
          id={idOf('livesWith')}
          legend={labels.livesWith}
          choices={LIVES_WITH}
          value={values.livesWith}
          onValueChange={(v) => onValue('livesWith', v)}
          error={errorOf('livesWith')}
        />
      </div>
    </>
  )
}

/** 連絡時の配慮: the three questions asked before anyone calls this person. */
export function CautionFields({
  values,
  onValue,
  idOf,
  errorOf,
  labels,
  support = {},
}: FieldsProps<CautionValues>) {
  return (['mayNameCity', 'mayLeaveMessage', 'keepFromPerson'] as const).map((key) => (
    <RadioGroup
      key={key}
      id={idOf(key)}
      legend={labels[key]}
      support={support[key]}
      choices={YES_NO}
      value={values[key]}
      onValueChange={(v) => onValue(key, v)}
      error={errorOf(key)}
    />
  ))
}
