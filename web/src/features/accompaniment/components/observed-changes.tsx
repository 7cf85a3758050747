import { type FormEvent, useState } from 'react'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { todayText } from '#web/lib/date-text.ts'
import { type FormErrors, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useAddObservedChange } from '../api/add-observed-change.ts'
import { useObservedChanges } from '../api/list-observed-changes.ts'
import { OBSERVED_CHANGE_LABELS as L, supportErrorsFrom } from '../support-form-values.ts'

const idOf = (field: string) => `observed-${field}`

function ObservedChangeForm({
  caseId,
  onDone,
  onCancel,
}: {
  caseId: string
  onDone: () => void
  onCancel: () => void
}) {
  const [observedOn, setObservedOn] = useState(todayText)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const add = useAddObservedChange(caseId)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    if (!observedOn.trim()) local.observedOn = '気づいた日を入力してください'
    if (!note.trim()) local.note = '変化の内容を入力してください'
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    add.mutate(
      { observedOn, note },
      { onSuccess: onDone, onError: (error) => setErrors(supportErrorsFrom(error, Object.keys(L))) },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, L, idOf)} />
      <DateField
        id={idOf('observedOn')}
        label={L.observedOn}
        required
        value={observedOn}
        onValueChange={setObservedOn}
        error={errors.fields.observedOn}
      />
      <TextareaField
        id={idOf('note')}
        label={L.note}
        required
        support="本人の様子や行動で変わったこと（例：自分から次の約束を尋ねるようになった）"
        rows={4}
        maxLength={2000}
        value={note}
        onValueChange={setNote}
        error={errors.fields.note}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? '保存しています…' : '変化を記録する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}

/** 本人の変化: what the lead workers noticed, newest first. */
export function ObservedChanges({
  caseId,
  canWrite,
  onChanged,
}: {
  caseId: string
  canWrite: boolean
  onChanged: (message: string) => void
}) {
  const changes = useObservedChanges(caseId)
  const [adding, setAdding] = useState(false)
  return (
    <section aria-labelledby={`${caseId}-changes`}>
      <h3 id={`${caseId}-changes`} className="mb-4 text-std-20B-150">
        本人の変化
      </h3>
      {canWrite &&
        (adding ? (
          <section aria-labelledby="observed-new" className="mb-8 rounded-8 border border-solid-gray-300 p-6">
            <h4 id="observed-new" className="mb-6 text-std-18B-160">
              本人の変化を記録
            </h4>
            <ObservedChangeForm
              caseId={caseId}
              onDone={() => {
                setAdding(false)
                onChanged('本人の変化を記録しました。')
              }}
              onCancel={() => setAdding(false)}
            />
          </section>
        ) : (
          <Button variant="secondary" className="mb-6" onClick={() => setAdding(true)}>
            本人の変化を記録
          </Button>
        ))}
      {changes.isPending && <Loading what="本人の変化" />}
      {changes.error && <QueryError error={changes.error} />}
      {changes.data?.length === 0 && <p className="text-std-16N-170">本人の変化の記録はまだありません。</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="flex flex-col gap-4">
          {changes.data.map((x) => (
            <li key={x.id} className="border-l-4 border-solid-gray-300 pl-4">
              <p className="text-std-16B-170">
                {formatWareki(x.observedOn)}
                <span className="ml-2 text-std-16N-170 text-solid-gray-800">
                  （{x.accountName ?? '不明'}）
                </span>
              </p>
              <p className="whitespace-pre-wrap text-std-16N-170">{x.note}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
