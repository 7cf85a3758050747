import { PHONE_LABELS } from '#shared/codes.ts'
import { CautionFields, PersonFields } from '#web/components/person-fields.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { type ConsulterValues, CONSULTER_LABELS as L } from '../consulter-values.ts'
import type { FieldsetProps } from './fieldset-props.ts'

// The intake's controls are keyed as the API names the caller's fields: `consulter.name`.
const key = (field: string) => `consulter.${field}` as keyof typeof L
const LABELS = {
  relationship: L['consulter.relationship'],
  name: L['consulter.name'],
  kana: L['consulter.kana'],
  age: L['consulter.age'],
  livesWith: L['consulter.livesWith'],
  mayNameCity: L['consulter.mayNameCity'],
  mayLeaveMessage: L['consulter.mayLeaveMessage'],
  keepFromPerson: L['consulter.keepFromPerson'],
}
const SUPPORT = {
  relationship: '本人から見た続柄。関係機関の職員からの相談は「関係機関職員」',
  kana: 'ひらがなかカタカナ',
  age: '推定でも構いません',
  keepFromPerson: '本人に知られずに連絡する必要があるとき「はい」',
}

/**
 * 相談者: who called and how to call them back, with the cautions for that call (連絡時の配慮).
 * Saved as one of the case's people, whom the first contact names; 相談者 above follows from the
 * 続柄 when not chosen. Further numbers and household members go on the case page.
 */
export function ConsulterFieldset({ values, onChange, errors }: FieldsetProps<ConsulterValues>) {
  const set = (field: keyof ConsulterValues) => (value: string) => onChange({ ...values, [field]: value })
  const shared = {
    values,
    onValue: (field: keyof ConsulterValues, value: string) => set(field)(value),
    idOf: (field: string) => key(field),
    errorOf: (field: string) => errors[key(field)],
    labels: LABELS,
    support: SUPPORT,
  }

  return (
    <fieldset className="flex flex-col gap-6">
      <legend className="mb-4 text-std-24B-150">相談者（連絡してきた人）</legend>
      <p className="text-std-16N-170 text-solid-gray-800">
        折り返しの連絡先と、連絡するときの配慮を記録します。分からなければ空欄のままで登録できます。
      </p>
      <PersonFields {...shared} />
      <div className="flex flex-wrap gap-8">
        <TextField
          id={key('phones')}
          label={L['consulter.phones']}
          support="ハイフンや括弧、全角数字のままでも構いません"
          inputMode="tel"
          autoComplete="off"
          value={values.phone}
          onValueChange={set('phone')}
          error={errors[key('phones')]}
        />
        <SelectField
          id="consulter.phoneLabel"
          label="電話番号の種別"
          emptyLabel="指定しない"
          options={optionsOf(PHONE_LABELS)}
          value={values.phoneLabel}
          onValueChange={set('phoneLabel')}
        />
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-std-20B-150">連絡時の配慮</legend>
        <CautionFields {...shared} />
      </fieldset>
    </fieldset>
  )
}
