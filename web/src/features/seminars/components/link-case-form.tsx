import { type FormEvent, useState } from 'react'
import { AGE_BANDS, labelOf } from '#shared/codes.ts'
import type { SeminarDetail, SeminarRegistration } from '#shared/contracts/seminars.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors } from '#web/lib/form-errors.ts'
import { useLinkRegistration } from '../api/change-seminars.ts'
import { useSeminarCaseSearch } from '../api/read-seminars.ts'

const idOf = (field: string) => `link-case-${field}`

/**
 * ケースに結び付ける: a registrant who attended and already consults. Find the case with the
 * case search, pick it, confirm; the seminar becomes a 面談 contact with 家族・親族 on its timeline.
 */
export function LinkCaseForm({
  seminar: s,
  registration: r,
  onDone,
  onCancel,
}: {
  seminar: SeminarDetail
  registration: SeminarRegistration
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [caseId, setCaseId] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const found = useSeminarCaseSearch(q)
  const link = useLinkRegistration(s.id)
  const picked = found.data?.items.find((c) => c.id === caseId)

  const search = (e: FormEvent) => {
    e.preventDefault()
    setCaseId('')
    setErrors(
      text.trim()
        ? noErrors
        : { fields: { q: 'ケース番号・氏名・ふりがな・電話番号のいずれかを入力してください' } },
    )
    setQ(text.trim())
  }

  const review = () => {
    if (!picked) return setErrors({ fields: { caseId: '結び付けるケースを選択してください' } })
    setErrors(noErrors)
    setConfirming(true)
  }

  const confirm = async () => {
    try {
      await link.mutateAsync({ registrationId: r.id, caseId })
      onDone(
        `${r.name}さんの参加を、ケース ${picked?.caseNo ?? ''} の対応記録（面談・家族・親族）に記録しました。`,
      )
    } catch (error) {
      setConfirming(false)
      setErrors(formErrorsFrom(error, ['caseId']))
    }
  }

  if (confirming && picked) {
    return (
      <ConfirmPanel
        title={`${r.name}さんの参加をケース ${picked.caseNo} に記録しますか`}
        confirmLabel="ケースに記録する"
        busy={link.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          開催日（{formatWareki(s.heldOn)}
          ）の対応記録として、手法「面談」・対象「家族・親族」で記録し、ケースの経過に表示されます。取り消すときは、ケースの対応記録を修正してください。
        </p>
      </ConfirmPanel>
    )
  }

  const summary = [
    ...(errors.fields.q ? [{ targetId: idOf('q'), message: `ケースの検索：${errors.fields.q}` }] : []),
    ...(errors.fields.caseId
      ? [{ targetId: idOf('caseId'), message: `ケース：${errors.fields.caseId}` }]
      : []),
  ]
  return (
    <section aria-labelledby="link-case-title" className="rounded-8 border border-solid-gray-300 p-6">
      <h3 id="link-case-title" className="mb-4 text-std-20B-150">
        {r.name}さんをケースに結び付ける
      </h3>
      <div className="flex flex-col gap-6">
        <ErrorSummary message={errors.general} errors={summary} />
        <form noValidate onSubmit={search} className="flex flex-wrap items-end gap-4">
          <TextField
            id={idOf('q')}
            label="ケースの検索"
            required
            support="ケース番号、本人や家族の氏名・ふりがな、電話番号で探せます（継続対応中のケースのみ）。"
            autoComplete="off"
            value={text}
            onValueChange={setText}
            error={errors.fields.q}
          />
          <Button type="submit" variant="secondary">
            検索する
          </Button>
        </form>
        {found.isFetching && <Loading what="ケース" />}
        {found.error && <QueryError error={found.error} />}
        {found.data &&
          (found.data.items.length === 0 ? (
            <p role="status">該当する継続対応中のケースはありません。</p>
          ) : (
            <RadioGroup
              id={idOf('caseId')}
              legend="結び付けるケース"
              required
              choices={found.data.items.map((c) => ({
                value: c.id,
                label: `${c.caseNo}　${c.name ?? '氏名不明'}（${labelOf(AGE_BANDS, c.ageBand)}、受付 ${formatWareki(c.openedOn)}）`,
              }))}
              value={caseId}
              onValueChange={setCaseId}
              error={errors.fields.caseId}
            />
          ))}
        <div className="flex flex-wrap gap-4">
          <Button onClick={review} disabled={!found.data?.items.length}>
            確認へ進む
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            やめる
          </Button>
        </div>
      </div>
    </section>
  )
}
