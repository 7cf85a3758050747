import { type FormEvent, useDeferredValue, useState } from 'react'
import { AGE_BANDS, labelOf } from '#shared/codes.ts'
import { fiscalYearLabel, fiscalYearOf } from '#shared/dates.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { useShareableCases } from '../api/find-shareable-cases.ts'
import { useShareCase } from '../api/share-case.ts'

const LABELS = {
  caseId: '共有するケース',
  title: '表題',
  summary: '概要',
  question: '検討したいこと',
} as const

/** What the reader is told before writing: what goes to every ward, and what must not. */
function SharingRules() {
  return (
    <div className="flex flex-col gap-4">
      <Notice tone="info" title="共有される内容">
        <p>
          出席する全区の職員が読めます。ケースからは
          <strong>年齢区分・性別・相談者・主訴・課題・主担当・受付年度</strong>
          だけが自動で写されます。氏名・ふりがな・ケース番号・日付・対応記録は共有されません。
        </p>
      </Notice>
      <Notice tone="warning" title="名前や日付を書かないでください">
        <ul className="list-disc pl-6">
          <li>本人や家族の氏名・ふりがなは「Aさん」「母」などに置き換えてください。</li>
          <li>
            日付は一部だけ（「11月」「26日」「11/26」「令和3年」など）でも書かず、「令和3年度」「昨年の夏ごろ」のように書いてください。
          </li>
          <li>
            電話番号・メールアドレス・住所（町名・丁目・番地・郵便番号）や、学校名・勤務先など本人が特定できることも書かないでください。
          </li>
        </ul>
        <p className="mt-2">
          氏名・ふりがな・ケース番号・日付・電話番号・メールアドレス・住所が含まれていると、共有できません（全角の数字や空白を挟んだ書き方も同じです）。
        </p>
      </Notice>
    </div>
  )
}

/**
 * ケースを共有: pick one of the caller's cases by its number, then write the anonymised
 * summary. The server refuses names, the case number and exact dates; its messages appear
 * under each field.
 */
export function ShareCaseForm({
  meetingId,
  onDone,
  onCancel,
}: {
  meetingId: string
  onDone: (title: string) => void
  onCancel: () => void
}) {
  const idOf = (field: string) => `share-${field}`
  const [caseNo, setCaseNo] = useState('')
  const [caseId, setCaseId] = useState('')
  const [title, setTitle] = useState('')
  const [summary, setSummary] = useState('')
  const [question, setQuestion] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const q = useDeferredValue(caseNo.trim())
  const found = useShareableCases(q)
  const share = useShareCase(meetingId)
  const matches = found.data?.items ?? []
  const options = matches.map((c) => ({
    value: c.id,
    label: `${c.caseNo}（${fiscalYearLabel(fiscalYearOf(c.openedOn))}受付・${labelOf(AGE_BANDS, c.ageBand)}）`,
  }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const local: Record<string, string> = {}
    if (!caseId) local.caseId = '共有するケースを選択してください'
    if (!title.trim()) local.title = '表題を入力してください'
    if (!summary.trim()) local.summary = '概要を入力してください'
    if (Object.keys(local).length > 0) return setErrors({ fields: local })
    setErrors(noErrors)
    share.mutate(
      { caseId, title: title.trim(), summary: summary.trim(), question: textOrNull(question) },
      {
        onSuccess: (saved) => onDone(saved.title),
        onError: (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
      },
    )
  }

  const matchText = !q
    ? 'ケース番号を入力すると、担当しているケースから候補を表示します。'
    : found.isPending
      ? 'ケースを探しています…'
      : matches.length === 0
        ? '該当するケースはありません。番号を確かめてください。'
        : `候補${found.data?.total ?? matches.length}件`

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-6">
      <SharingRules />
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <div className="flex flex-col gap-4 rounded-8 bg-solid-gray-50 p-4">
        <TextField
          id={idOf('caseNo')}
          label="ケース番号で探す"
          plain
          support="例：2026-00012（番号の一部でも探せます）"
          autoComplete="off"
          widthClass="w-64"
          value={caseNo}
          onValueChange={(v) => {
            setCaseNo(v)
            setCaseId('')
          }}
        />
        <p aria-live="polite" className="text-std-16N-170 text-solid-gray-800">
          {matchText}
        </p>
        <SelectField
          id={idOf('caseId')}
          label={LABELS.caseId}
          required
          emptyLabel="選択してください"
          options={options}
          value={caseId}
          onValueChange={setCaseId}
          error={errors.fields.caseId}
        />
      </div>
      <TextField
        id={idOf('title')}
        label={LABELS.title}
        required
        support="事例の要点を一言で。例：「外出のきっかけづくりに悩んでいる事例」"
        maxLength={100}
        autoComplete="off"
        value={title}
        onValueChange={setTitle}
        error={errors.fields.title}
      />
      <TextareaField
        id={idOf('summary')}
        label={LABELS.summary}
        required
        support="これまでの経過と現在の状況を、この会議のために書き起こしてください。対応記録をそのまま貼り付けないでください。"
        rows={6}
        maxLength={2000}
        value={summary}
        onValueChange={setSummary}
        error={errors.fields.summary}
      />
      <TextareaField
        id={idOf('question')}
        label={LABELS.question}
        support="出席者から意見をもらいたいこと。"
        rows={3}
        maxLength={1000}
        value={question}
        onValueChange={setQuestion}
        error={errors.fields.question}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit" disabled={share.isPending}>
          {share.isPending ? '共有しています…' : 'この内容で共有する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
