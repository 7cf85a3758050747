import { type FormEvent, useDeferredValue, useState } from 'react'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { typedDate } from '#shared/typed-dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { todayText } from '#web/lib/date-text.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { useAddReferral } from '../api/add-referral.ts'
import { useResources } from '../api/list-resources.ts'
import { areaText, categoriesText } from '../resource-format.ts'

const LABELS = { resourceId: 'つなぐ社会資源', referredOn: 'つないだ日', note: 'メモ' } as const
const PICK_SIZE = 100

/**
 * つなぐ: a resource picked from the directory (a text filter narrows the select, which stays
 * a plain native control for keyboards and screen readers), the date and a note.
 */
export function ReferralForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId: string
  onDone: (resourceName: string) => void
  onCancel: () => void
}) {
  const idOf = (field: string) => `referral-new-${field}`
  const [filter, setFilter] = useState('')
  const [resourceId, setResourceId] = useState('')
  const [referredOn, setReferredOn] = useState(todayText)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const q = useDeferredValue(filter.trim())
  const resources = useResources({ q: q || undefined, page: 1, pageSize: PICK_SIZE })
  const add = useAddReferral(caseId)
  const items = resources.data?.items ?? []
  // Keep the chosen resource in the select even when the filter no longer matches it.
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null)
  const options = items.map((r) => ({
    value: r.id,
    label: `${r.name}（${[categoriesText(r), areaText(r)].filter(Boolean).join('・')}）`,
  }))
  if (chosen && !items.some((r) => r.id === chosen.id))
    options.unshift({ value: chosen.id, label: chosen.name })

  const pick = (id: string) => {
    setResourceId(id)
    const r = items.find((x) => x.id === id)
    setChosen(r ? { id: r.id, name: r.name } : null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    if (!resourceId) local.resourceId = '社会資源を選択してください'
    if (!referredOn.trim()) local.referredOn = '日付を入力してください'
    else if (!typedDate(referredOn)) local.referredOn = INVALID_DATE_MESSAGE
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    add.mutate(
      { resourceId, referredOn: referredOn.trim(), note: textOrNull(note) },
      {
        onSuccess: (saved) => onDone(saved.resourceName),
        onError: (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
      },
    )
  }

  const total = resources.data?.total ?? 0
  const matchText = resources.isPending
    ? '社会資源を読み込んでいます…'
    : total === 0
      ? '条件に合う社会資源はありません。絞り込みの文字を変えてください。'
      : total > PICK_SIZE
        ? `該当${total}件のうち${PICK_SIZE}件を表示しています。絞り込んでください。`
        : `該当${total}件`

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <div className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4">
        <TextField
          id={idOf('filter')}
          label="社会資源を絞り込む"
          plain
          support="名称・内容・連絡先の一部を入力すると、下の選択肢が絞り込まれます。"
          autoComplete="off"
          value={filter}
          onValueChange={setFilter}
        />
        <p aria-live="polite" className="text-std-16N-170 text-solid-gray-800">
          {matchText}
        </p>
        <SelectField
          id={idOf('resourceId')}
          label={LABELS.resourceId}
          required
          emptyLabel="選択してください"
          options={options}
          value={resourceId}
          onValueChange={pick}
          error={errors.fields.resourceId}
        />
      </div>
      <DateField
        id={idOf('referredOn')}
        label={LABELS.referredOn}
        required
        value={referredOn}
        onValueChange={setReferredOn}
        error={errors.fields.referredOn}
      />
      <TextareaField
        id={idOf('note')}
        label={LABELS.note}
        support="見学の予定や、つないだ経緯など。"
        rows={3}
        maxLength={1000}
        value={note}
        onValueChange={setNote}
        error={errors.fields.note}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? '保存しています…' : 'つなぎを記録する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
