import { type FormEvent, useState } from 'react'
import { AGE_BANDS, labelOf } from '#shared/codes.ts'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { formatWareki } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Loading, QueryError } from '#web/components/ui/query-state.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, noErrors } from '#web/lib/form-errors.ts'
import { useAttachInquiryToCase } from '../api/attach-inquiry-to-case.ts'
import { useCaseSearch } from '../api/search-cases.ts'
import { inquiryErrorsFrom } from '../inquiry-errors.ts'

const idOf = (field: string) => `attach-case-${field}`

/** 既存のケースに結び付ける: find the case with the case search, pick it, confirm. */
export function AttachCaseForm({
  t,
  onDone,
  onCancel,
}: {
  t: InquiryThread
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [caseId, setCaseId] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const found = useCaseSearch(q)
  const attach = useAttachInquiryToCase(t.id)
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
    if (!picked) {
      setErrors({ fields: { caseId: '結び付けるケースを選択してください' } })
      return
    }
    setErrors(noErrors)
    setConfirming(true)
  }

  // Awaited, as in the open-case form: the saved link replaces this form at once.
  const confirm = async () => {
    try {
      const thread = await attach.mutateAsync({ caseId })
      onDone(`ケース ${thread.caseNo ?? ''} に結び付け、メッセージを対応記録（メール）に計上しました。`)
    } catch (error) {
      setConfirming(false)
      setErrors(inquiryErrorsFrom(error, ['caseId']))
    }
  }

  if (confirming && picked) {
    return (
      <ConfirmPanel
        title={`この相談をケース ${picked.caseNo} に結び付けます。よろしいですか？`}
        confirmLabel="ケースに結び付ける"
        busy={attach.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          これまでの{t.messages.length}
          通のメッセージと、これからのやりとりは、このケースの対応記録（手法：メール）として数えます。結び付けは取り消せません。
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
  )
}
