import { type FormEvent, useState } from 'react'
import type { VerificationRecord } from '#shared/contracts/report-verification.ts'
import { VERIFICATION_KINDS } from '#shared/contracts/reports.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import {
  useCreateVerification,
  useDeleteVerification,
  useSurveyChoices,
  useUpdateVerification,
  useVerification,
  type VerificationPeriod,
} from '../api/verification.ts'

const LABELS = {
  kind: '区分',
  method: '手法',
  heldFrom: '実施時期（開始）',
  heldTo: '実施時期（終了）',
  target: '対象',
  surveyId: 'アンケート',
  responses: '回答数',
  sortOrder: '表示順',
}
type Field = keyof typeof LABELS
type Values = Record<Field, string>

const EMPTY: Values = {
  kind: 'objective_data',
  method: '',
  heldFrom: '',
  heldTo: '',
  target: '',
  surveyId: '',
  responses: '',
  sortOrder: '',
}

const valuesOf = (r: VerificationRecord): Values => ({
  kind: r.kind,
  method: r.method,
  heldFrom: r.heldFrom ?? '',
  heldTo: r.heldTo ?? '',
  target: r.target,
  surveyId: r.surveyId ?? '',
  responses: r.responses ?? '',
  sortOrder: String(r.sortOrder),
})

/** One method's form: a new one for the period, or a change to `record` on its version. */
function VerificationForm({
  period,
  record,
  nextOrder,
  onDone,
}: {
  period: VerificationPeriod
  record?: VerificationRecord
  nextOrder: number
  onDone: () => void
}) {
  const create = useCreateVerification()
  const update = useUpdateVerification()
  const surveys = useSurveyChoices(true)
  const [values, setValues] = useState<Values>(
    record ? valuesOf(record) : { ...EMPTY, sortOrder: String(nextOrder) },
  )
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const prefix = `verification-${record?.id ?? 'new'}`
  const idOf = (field: string) => `${prefix}-${field}`
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }))
  const busy = create.isPending || update.isPending

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    // 表示順 goes as typed: the server reads the number and says so when it is not one.
    const body = { ...values, kind: values.kind as VerificationRecord['kind'] }
    const onError = (error: unknown) => setErrors(formErrorsFrom(error, Object.keys(LABELS)))
    if (record)
      update.mutate(
        { params: { id: record.id }, body: { ...body, version: record.version } },
        { onSuccess: onDone, onError },
      )
    else
      create.mutate({ body: { ...body, from: period.from, to: period.to } }, { onSuccess: onDone, onError })
  }
  return (
    <form
      noValidate
      onSubmit={submit}
      className="mt-4 flex flex-col gap-4 rounded-8 border border-solid-gray-420 p-4"
    >
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <SelectField
        id={idOf('kind')}
        label={LABELS.kind}
        required
        value={values.kind}
        onValueChange={set('kind')}
        options={VERIFICATION_KINDS.map((k) => ({ value: k.code, label: k.label }))}
        error={errors.fields.kind}
      />
      <TextField
        id={idOf('method')}
        label={LABELS.method}
        required
        value={values.method}
        onValueChange={set('method')}
        error={errors.fields.method}
        support="例：「よりそい・つなぐ」相談窓口アンケート、よりそい支援員ヒアリング（100文字以内）"
      />
      <DateField
        id={idOf('heldFrom')}
        label={LABELS.heldFrom}
        value={values.heldFrom}
        onValueChange={set('heldFrom')}
        error={errors.fields.heldFrom}
      />
      <DateField
        id={idOf('heldTo')}
        label={LABELS.heldTo}
        value={values.heldTo}
        onValueChange={set('heldTo')}
        error={errors.fields.heldTo}
        support="1日だけのヒアリングは空けておきます"
      />
      <TextField
        id={idOf('target')}
        label={LABELS.target}
        required
        value={values.target}
        onValueChange={set('target')}
        error={errors.fields.target}
        support="回答した人や、話を聞いた人（例：よりそい支援員、保健福祉センター寄り添い支援係長）"
      />
      <SelectField
        id={idOf('surveyId')}
        label={LABELS.surveyId}
        value={values.surveyId}
        onValueChange={set('surveyId')}
        options={surveys.data ?? []}
        emptyLabel="つなげない"
        error={errors.fields.surveyId}
        support="つなげると、回答数が空欄のとき、このアンケートの回答者数を表示します"
      />
      <TextField
        id={idOf('responses')}
        label={LABELS.responses}
        value={values.responses}
        onValueChange={set('responses')}
        error={errors.fields.responses}
        widthClass="w-full max-w-xs"
        support="例：16件、14区役所・支所（50文字以内）"
      />
      <TextField
        id={idOf('sortOrder')}
        label={LABELS.sortOrder}
        inputMode="numeric"
        value={values.sortOrder}
        onValueChange={set('sortOrder')}
        error={errors.fields.sortOrder}
        widthClass="w-24"
        support="小さい順に並びます"
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={busy}>
          {record ? '変更を保存する' : '追加する'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          やめる
        </Button>
      </div>
    </form>
  )
}

/**
 * Headquarters keeps 表1's methods of the report period here (the printed 表1 shows them). Not
 * printed: the page's 表1 table above is what paper gets.
 */
export function VerificationEditor({ period }: { period: VerificationPeriod }) {
  const list = useVerification(period, true)
  const remove = useDeleteVerification()
  const [editing, setEditing] = useState<string | null>(null)
  const [removing, setRemoving] = useState<VerificationRecord | null>(null)
  const items = list.data?.items ?? []
  const nextOrder = items.reduce((max, r) => Math.max(max, r.sortOrder), 0) + 1
  return (
    <section aria-labelledby="verification-editor" className="mb-8 print:hidden">
      <h3 id="verification-editor" className="mb-2 text-std-18B-160">
        表1の検証手法を記録する
      </h3>
      {items.length > 0 && (
        <ul className="mb-4 flex flex-col gap-2">
          {items.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-4">
              <span className="text-std-16N-170">
                {r.sortOrder}. {r.method}
              </span>
              <Button variant="secondary" onClick={() => setEditing(r.id)}>
                編集<span className="sr-only">：{r.method}</span>
              </Button>
              <Button variant="secondary" onClick={() => setRemoving(r)}>
                削除<span className="sr-only">：{r.method}</span>
              </Button>
              {editing === r.id && (
                <div className="w-full">
                  <VerificationForm
                    period={period}
                    record={r}
                    nextOrder={nextOrder}
                    onDone={() => setEditing(null)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {removing && (
        <ConfirmPanel
          title={`「${removing.method}」を表1から削除しますか`}
          confirmLabel="削除する"
          danger
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate({ params: { id: removing.id } }, { onSettled: () => setRemoving(null) })
          }
          onCancel={() => setRemoving(null)}
        />
      )}
      {editing === 'new' ? (
        <VerificationForm period={period} nextOrder={nextOrder} onDone={() => setEditing(null)} />
      ) : (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          検証手法を追加する
        </Button>
      )}
    </section>
  )
}
