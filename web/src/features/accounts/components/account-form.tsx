import { type FormEvent, useState } from 'react'
import { ROLES, type Role } from '#shared/codes.ts'
import type { Account } from '#shared/contracts/accounts.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxField } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useUnits } from '#web/lib/reference-data.ts'
import { unitGroups } from './unit-options.ts'

export interface AccountFormValues {
  loginId: string
  name: string
  role: string
  unitId: string
  active: boolean
}

export interface AccountFormProps {
  /** The account being edited; without it the form creates one (and asks for a login ID). */
  account?: Account
  submitLabel: string
  pending: boolean
  onSubmit: (values: AccountFormValues & { role: Role }, onError: (error: unknown) => void) => void
}

const labels = { loginId: 'ログインID', name: '氏名', role: '役割', unitId: '所属' } as const

export function AccountForm({ account, submitLabel, pending, onSubmit }: AccountFormProps) {
  const units = useUnits()
  const [values, setValues] = useState<AccountFormValues>({
    loginId: account?.loginId ?? '',
    name: account?.name ?? '',
    role: account?.role ?? '',
    unitId: account?.unit.id ?? '',
    active: account?.active ?? true,
  })
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const set = (key: keyof AccountFormValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    // Checked here only what the server cannot phrase well (empty selects); but every empty
    // required field must be reported at once, not only the selects.
    const fields: Record<string, string> = {}
    if (!account && !values.loginId.trim()) fields.loginId = 'ログインIDを入力してください'
    if (!values.name.trim()) fields.name = '氏名を入力してください'
    if (!values.role) fields.role = '役割を選択してください'
    if (!values.unitId) fields.unitId = '所属を選択してください'
    setErrors({ fields })
    if (Object.keys(fields).length > 0) return
    onSubmit({ ...values, role: values.role as Role }, (error) =>
      setErrors(formErrorsFrom(error, Object.keys(labels))),
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex max-w-2xl flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels)} />
      {account ? (
        <p className="text-std-16N-170">
          ログインID：<span className="font-mono">{account.loginId}</span>
        </p>
      ) : (
        <TextField
          id="loginId"
          label={labels.loginId}
          required
          support="半角英数字と . _ - で3〜64文字。後から変更できません"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          value={values.loginId}
          onValueChange={set('loginId')}
          error={errors.fields.loginId}
        />
      )}
      <TextField
        id="name"
        label={labels.name}
        required
        autoComplete="off"
        value={values.name}
        onValueChange={set('name')}
        error={errors.fields.name}
      />
      <SelectField
        id="role"
        label={labels.role}
        required
        support="役割によって、閲覧・操作できる範囲が決まります"
        emptyLabel="選択してください"
        options={optionsOf(ROLES)}
        value={values.role}
        onValueChange={set('role')}
        error={errors.fields.role}
      />
      <SelectField
        id="unitId"
        label={labels.unitId}
        required
        emptyLabel="選択してください"
        groups={unitGroups(units.data ?? [])}
        value={values.unitId}
        onValueChange={set('unitId')}
        error={errors.fields.unitId}
      />
      <CheckboxField
        id="active"
        label="有効（ログインできる）"
        support="無効にすると、この職員はログインできなくなり、ログイン中のセッションも終了します"
        checked={values.active}
        onCheckedChange={(active) => setValues((v) => ({ ...v, active }))}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? '保存しています…' : submitLabel}
        </Button>
      </div>
    </form>
  )
}
