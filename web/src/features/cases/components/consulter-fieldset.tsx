import { PHONE_LABELS, RELATIONSHIPS } from '#shared/codes.ts'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { optionsOf } from '#web/lib/options.ts'
import { type ConsulterValues, CONSULTER_LABELS as L, type YesNo } from '../consulter-values.ts'

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

export interface ConsulterFieldsetProps {
  values: ConsulterValues
  onChange: (values: ConsulterValues) => void
  errors: Record<string, string>
}

/**
 * 相談者: who called and how to call them back, with the cautions for that call (連絡時の配慮).
 * Saved as one of the case's people, whom the first contact names; 相談者 above follows from the
 * 続柄 when not chosen. Further numbers and household members go on the case page.
 */
export function ConsulterFieldset({ values, onChange, errors }: ConsulterFieldsetProps) {
  const set = (key: keyof ConsulterValues) => (value: string) => onChange({ ...values, [key]: value })
  const setYesNo = (key: keyof ConsulterValues) => (value: string) => set(key)(value as YesNo)
  const id = (key: keyof typeof L) => key

  return (
    <fieldset className="flex flex-col gap-6">
      <legend className="mb-4 text-std-24B-150">相談者（連絡してきた人）</legend>
      <p className="text-std-16N-170 text-solid-gray-800">
        折り返しの連絡先と、連絡するときの配慮を記録します。分からなければ空欄のままで登録できます。
      </p>
      <SelectField
        id={id('consulter.relationship')}
        label={L['consulter.relationship']}
        support="本人から見た続柄。関係機関の職員からの相談は「関係機関職員」"
        emptyLabel="選択してください"
        options={optionsOf(RELATIONSHIPS)}
        value={values.relationship}
        onValueChange={set('relationship')}
        error={errors['consulter.relationship']}
      />
      <TextField
        id={id('consulter.name')}
        label={L['consulter.name']}
        autoComplete="off"
        value={values.name}
        onValueChange={set('name')}
        error={errors['consulter.name']}
      />
      <TextField
        id={id('consulter.kana')}
        label={L['consulter.kana']}
        support="ひらがなかカタカナ"
        autoComplete="off"
        value={values.kana}
        onValueChange={set('kana')}
        error={errors['consulter.kana']}
      />
      <div className="flex flex-wrap gap-8">
        <TextField
          id={id('consulter.age')}
          label={L['consulter.age']}
          support="推定でも構いません"
          inputMode="numeric"
          widthClass="w-28"
          autoComplete="off"
          value={values.age}
          onValueChange={set('age')}
          error={errors['consulter.age']}
        />
        <RadioGroup
          id={id('consulter.livesWith')}
          legend={L['consulter.livesWith']}
          choices={LIVES_WITH}
          value={values.livesWith}
          onValueChange={setYesNo('livesWith')}
          error={errors['consulter.livesWith']}
        />
      </div>
      <div className="flex flex-wrap gap-8">
        <TextField
          id={id('consulter.phones')}
          label={L['consulter.phones']}
          support="ハイフンや括弧、全角数字のままでも構いません"
          inputMode="tel"
          autoComplete="off"
          value={values.phone}
          onValueChange={set('phone')}
          error={errors['consulter.phones']}
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
        <RadioGroup
          id={id('consulter.mayNameCity')}
          legend={L['consulter.mayNameCity']}
          choices={YES_NO}
          value={values.mayNameCity}
          onValueChange={setYesNo('mayNameCity')}
          error={errors['consulter.mayNameCity']}
        />
        <RadioGroup
          id={id('consulter.mayLeaveMessage')}
          legend={L['consulter.mayLeaveMessage']}
          choices={YES_NO}
          value={values.mayLeaveMessage}
          onValueChange={setYesNo('mayLeaveMessage')}
          error={errors['consulter.mayLeaveMessage']}
        />
        <RadioGroup
          id={id('consulter.keepFromPerson')}
          legend={L['consulter.keepFromPerson']}
          support="本人に知られずに連絡する必要があるとき「はい」"
          choices={YES_NO}
          value={values.keepFromPerson}
          onValueChange={setYesNo('keepFromPerson')}
          error={errors['consulter.keepFromPerson']}
        />
      </fieldset>
    </fieldset>
  )
}
