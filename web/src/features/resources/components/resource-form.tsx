import { type FormEvent, useState } from 'react'
import { RESOURCE_CATEGORIES, RESOURCE_SERVES } from '#shared/codes.ts'
import type { Resource } from '#shared/contracts/resources.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup } from '#web/components/ui/choice-group.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useWards } from '#web/lib/reference-data.ts'
import { useCreateResource } from '../api/create-resource.ts'
import { useUpdateResource } from '../api/update-resource.ts'
import { parseFiscalYears } from '../resource-format.ts'

const LABELS = {
  resourceNo: '資源番号',
  name: '名称',
  categories: '分類',
  serves: '対象',
  ward: '地域',
  subsidyFiscalYears: '補助金採択年度',
  contact: '連絡先',
  description: '内容',
} as const

interface Values {
  resourceNo: string
  name: string
  categories: string[]
  serves: string[]
  ward: string
  subsidyFiscalYears: string
  contact: string
  description: string
}

function valuesOf(r?: Resource): Values {
  return {
    resourceNo: r?.resourceNo ?? '',
    name: r?.name ?? '',
    categories: r?.categories ?? [],
    serves: r?.serves ?? [],
    ward: r?.ward ?? '',
    subsidyFiscalYears: r ? r.subsidyFiscalYears.join(', ') : '',
    contact: r?.contact ?? '',
    description: r?.description ?? '',
  }
}

/**
 * 社会資源の登録・編集 (headquarters). Without a resource it adds one; the server checks every
 * field and its messages appear under each control and in the summary.
 */
export function ResourceForm({
  resource,
  onDone,
  onCancel,
}: {
  resource?: Resource
  onDone: (saved: Resource) => void
  onCancel: () => void
}) {
  const prefix = resource ? `resource-${resource.id}-` : 'resource-new-'
  const idOf = (field: string) => `${prefix}${field}`
  const [values, setValues] = useState<Values>(() => valuesOf(resource))
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const wards = useWards()
  const create = useCreateResource()
  const update = useUpdateResource(resource?.id ?? '')
  const pending = create.isPending || update.isPending
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!values.name.trim()) return setErrors({ fields: { name: '名称を入力してください' } })
    setErrors(noErrors)
    const body = {
      name: values.name.trim(),
      categories: values.categories as Resource['categories'],
      serves: values.serves as Resource['serves'],
      ward: values.ward || null,
      // Typed 和暦 is read here; anything else goes as typed, for the server to name the mistake.
      subsidyFiscalYears: parseFiscalYears(values.subsidyFiscalYears) as number[],
      contact: textOrNull(values.contact),
      description: textOrNull(values.description),
    }
    const onError = (error: unknown) => setErrors(formErrorsFrom(error, Object.keys(LABELS)))
    if (resource) {
      update.mutate({ ...body, resourceNo: values.resourceNo.trim() }, { onSuccess: onDone, onError })
    } else {
      create.mutate({ ...body, resourceNo: textOrNull(values.resourceNo) }, { onSuccess: onDone, onError })
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <TextField
        id={idOf('name')}
        label={LABELS.name}
        required
        maxLength={200}
        autoComplete="off"
        value={values.name}
        onValueChange={set('name')}
        error={errors.fields.name}
      />
      <TextField
        id={idOf('resourceNo')}
        label={LABELS.resourceNo}
        required={Boolean(resource)}
        support={resource ? undefined : '空欄にすると「R-0001」のように自動で付番します。'}
        maxLength={30}
        widthClass="w-48"
        autoComplete="off"
        value={values.resourceNo}
        onValueChange={set('resourceNo')}
        error={errors.fields.resourceNo}
      />
      <CheckboxGroup
        id={idOf('categories')}
        legend={LABELS.categories}
        choices={optionsOf(RESOURCE_CATEGORIES)}
        values={values.categories}
        onValuesChange={(v) => setValues((prev) => ({ ...prev, categories: v }))}
        error={errors.fields.categories}
      />
      <CheckboxGroup
        id={idOf('serves')}
        legend={LABELS.serves}
        choices={optionsOf(RESOURCE_SERVES)}
        values={values.serves}
        onValuesChange={(v) => setValues((prev) => ({ ...prev, serves: v }))}
        error={errors.fields.serves}
      />
      <SelectField
        id={idOf('ward')}
        label={LABELS.ward}
        emptyLabel="全市（区を限定しない）"
        options={(wards.data ?? []).map((w) => ({ value: w.code, label: w.name }))}
        value={values.ward}
        onValueChange={set('ward')}
        error={errors.fields.ward}
      />
      <TextField
        id={idOf('subsidyFiscalYears')}
        label={LABELS.subsidyFiscalYears}
        support="市の補助金に採択された年度を「2021, 2022」または「令和3年度、令和4年度」のように入力してください。採択がなければ空欄です。"
        autoComplete="off"
        value={values.subsidyFiscalYears}
        onValueChange={set('subsidyFiscalYears')}
        error={errors.fields.subsidyFiscalYears}
      />
      <TextField
        id={idOf('contact')}
        label={LABELS.contact}
        support="団体の電話番号・所在地・ウェブサイトなど。個人の連絡先は書かないでください。"
        maxLength={200}
        autoComplete="off"
        value={values.contact}
        onValueChange={set('contact')}
        error={errors.fields.contact}
      />
      <TextareaField
        id={idOf('description')}
        label={LABELS.description}
        rows={4}
        maxLength={2000}
        value={values.description}
        onValueChange={set('description')}
        error={errors.fields.description}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? '保存しています…' : resource ? '変更を保存する' : '社会資源を登録する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
