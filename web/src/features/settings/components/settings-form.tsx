import { type FormEvent, useState } from 'react'
import { ROLES } from '#shared/codes.ts'
import type { CitySettings } from '#shared/contracts/audit.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useUpdateSettings } from '../api/update-settings.ts'
import {
  ALL_SETTINGS_LABELS,
  SETTINGS_LABELS as L,
  type SettingsField,
  type SettingsFormValues,
  settingsBody,
  settingsErrorsFrom,
  settingsFieldId,
  TWO_FACTOR_ROLES_LABEL,
  valuesFromSettings,
} from '../settings-form-values.ts'

const THRESHOLDS: SettingsField[] = [
  'caseloadThresholds.accompaniment_worker',
  'caseloadThresholds.ward_staff',
  'caseloadThresholds.agency_member',
]

export function SettingsForm({ initial }: { initial: CitySettings }) {
  const [values, setValues] = useState<SettingsFormValues>(() => valuesFromSettings(initial))
  const [twoFactorRoles, setTwoFactorRoles] = useState<string[]>(initial.twoFactorRoles)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const save = useUpdateSettings()

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    save.mutate(settingsBody(values, twoFactorRoles), {
      onError: (error) => setErrors(settingsErrorsFrom(error)),
    })
  }

  const field = (name: SettingsField, support: string, unit: string) => (
    <TextField
      key={name}
      id={settingsFieldId(name)}
      label={L[name]}
      required
      support={support}
      inputMode="numeric"
      widthClass="w-28"
      autoComplete="off"
      value={values[name]}
      onValueChange={(v) => setValues((old) => ({ ...old, [name]: v }))}
      error={errors.fields[name]}
      after={<span className="text-std-16N-170">{unit}</span>}
    />
  )

  return (
    <form noValidate onSubmit={submit} className="flex max-w-2xl flex-col gap-10">
      <ErrorSummary
        message={errors.general}
        errors={summaryOf(errors, ALL_SETTINGS_LABELS, settingsFieldId)}
      />
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-4 text-std-20B-150">ケースと会議</legend>
        {field('noContactDays', '作業一覧で「対応のないケース」として表示するまでの日数（1〜365日）', '日')}
        {field(
          'agencyViewDays',
          '会議に招かれた関係機関が、会議の日から何日後まで議題のケースを閲覧できるか（0〜365日。0日は会議の当日のみ）',
          '日',
        )}
        {field(
          'handoverWaitDays',
          '引継ぎ日（区で受け付けたケースは受付日）からこの日数を超えて主担当が決まっていないケースを、寄り添い支援係長のホームに表示します（1〜365日）',
          '日',
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-2 text-std-20B-150">担当件数の上限（抱え込みの目安）</legend>
        <p className="text-std-16N-170">
          主担当として担当している終結していないケースがこの件数を超えると、担当状況と寄り添い支援係長のホームに「上限超過」と表示します（1〜200件）。
        </p>
        {THRESHOLDS.map((name) => field(name, '', '件'))}
      </fieldset>
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-4 text-std-20B-150">家族向け研修会・家族教室</legend>
        {field(
          'seminarRetentionDays',
          '開催日からこの日数が過ぎた申込みは、お名前・メールアドレス・電話番号・伝えたいことを消去します。人数・出欠などの統計は残ります（30〜3650日）',
          '日',
        )}
      </fieldset>
      <fieldset className="flex flex-col gap-6">
        <legend className="mb-2 text-std-20B-150">ログインの安全性</legend>
        <CheckboxGroup
          id="twoFactorRoles"
          legend={TWO_FACTOR_ROLES_LABEL}
          support="選んだ役割の職員は、パスワードに加えて認証アプリの確認コード（2段階認証）でログインします。まだ設定していない職員は、次のログイン時に設定を求められます。"
          choices={ROLES.map((r) => ({ value: r.code, label: r.label }))}
          values={twoFactorRoles}
          onValuesChange={setTwoFactorRoles}
          error={errors.fields.twoFactorRoles}
        />
      </fieldset>
      <div role="status" className="empty:hidden">
        {save.isSuccess && <p className="text-std-16B-170 text-success-2">保存しました。</p>}
      </div>
      <div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? '保存しています…' : '保存する'}
        </Button>
      </div>
    </form>
  )
}
