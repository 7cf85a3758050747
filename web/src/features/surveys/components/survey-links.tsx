import { type FormEvent, useState } from 'react'
import { createPortal } from 'react-dom'
import { labelOf, SURVEY_TARGET_KINDS, type SurveyTargetKind } from '#shared/codes.ts'
import type { SurveyLetter, surveyTargetCount } from '#shared/contracts/survey-invitations.ts'
import type { Survey } from '#shared/contracts/surveys.ts'
import { Button } from '#web/components/ui/button.tsx'
import { DateField } from '#web/components/ui/date-field.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { Notice } from '#web/components/ui/notice.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { EmptyRow, Table, Td, Th } from '#web/components/ui/table.tsx'
import { isApiError } from '#web/lib/api-error.ts'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf } from '#web/lib/form-errors.ts'
import { useCountSurveyTargets, useMakeSurveyInvitations, useSurveyInvitations } from '../api/survey-links.ts'

const LABELS = { kind: '対象', from: '期間の初日', to: '期間の最終日' }
const idOf = (field: string) => `links-${field}`

/** A 409's own reason (already made, nobody on the list, not published) rather than the generic one. */
function errorsOf(error: unknown): FormErrors {
  if (isApiError(error) && error.status === 409) return { fields: {}, general: error.message }
  return formErrorsFrom(error, Object.keys(LABELS))
}

/**
 * 対象リストへの回答用リンク: headquarters picks who and which period, sees how many, and makes
 * one single-use link each. Mail goes out through the outbox; the letters (no address known) are
 * shown once, ready to print on A4 with their QR codes: the links are not kept anywhere.
 */
export function SurveyLinks({ survey }: { survey: Survey }) {
  const [values, setValues] = useState<{ kind: SurveyTargetKind; from: string; to: string }>({
    kind: 'closed_consulters',
    from: '',
    to: '',
  })
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [counted, setCounted] = useState<typeof surveyTargetCount._zod.output | null>(null)
  const [letters, setLetters] = useState<SurveyLetter[] | null>(null)
  const [flash, setFlash] = useState('')
  const count = useCountSurveyTargets(survey.id)
  const make = useMakeSurveyInvitations(survey.id)
  const batches = useSurveyInvitations(survey.id)
  const set = (key: keyof typeof values) => (v: string) => {
    setValues((old) => ({ ...old, [key]: v }))
    setCounted(null)
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    setFlash('')
    count.mutate(values, { onSuccess: setCounted, onError: (error) => setErrors(errorsOf(error)) })
  }
  const makeLinks = () =>
    make.mutate(values, {
      onSuccess: (made) => {
        setCounted(null)
        setFlash(
          `回答用リンクを作成しました（メール ${made.batch.mail}件・手紙 ${made.batch.letters}件）。メールは順に送信されます。`,
        )
        if (made.letters.length) setLetters(made.letters)
      },
      onError: (error) => setErrors(errorsOf(error)),
    })

  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-16N-170">
        記録から対象者を選び、1人に1つ、1回だけ使える回答用リンクを作ります。メールアドレスが分かる方にはメールで送り、分からない方には
        QR コード付きの手紙を印刷します。回答は匿名で、ケースとは結び付きません
        {survey.linkToCase ? '（回答者が同意したときだけ結び付けます）' : ''}。
      </p>
      {survey.status !== 'published' && (
        <Notice>回答用リンクは、アンケートを公開してから作成できます。</Notice>
      )}
      <form noValidate onSubmit={submit} className="flex flex-col gap-6">
        <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
        <SelectField
          id={idOf('kind')}
          label={LABELS.kind}
          required
          value={values.kind}
          onValueChange={set('kind')}
          options={SURVEY_TARGET_KINDS.map((k) => ({ value: k.code, label: k.label }))}
          error={errors.fields.kind}
        />
        <div className="flex flex-wrap gap-6">
          <DateField
            id={idOf('from')}
            label={LABELS.from}
            required
            value={values.from}
            onValueChange={set('from')}
            error={errors.fields.from}
          />
          <DateField
            id={idOf('to')}
            label={LABELS.to}
            required
            value={values.to}
            onValueChange={set('to')}
            error={errors.fields.to}
          />
        </div>
        <div>
          <Button type="submit" variant="secondary" disabled={count.isPending}>
            対象者を数える
          </Button>
        </div>
      </form>
      <div role="status" className="empty:hidden">
        {counted && (
          <Notice>
            対象 {counted.total}件（メール {counted.mail}件・手紙 {counted.letters}件）
            {counted.alreadyMade && '。この対象と期間の回答用リンクは作成済みです'}
          </Notice>
        )}
        {flash && <Notice tone="success">{flash}</Notice>}
      </div>
      {counted && counted.total > 0 && !counted.alreadyMade && survey.status === 'published' && (
        <div>
          <Button type="button" disabled={make.isPending} onClick={makeLinks}>
            回答用リンクを作成する
          </Button>
        </div>
      )}
      <Table caption="作成した回答用リンク">
        <thead>
          <tr>
            <Th>対象</Th>
            <Th>期間</Th>
            <Th className="text-right">メール</Th>
            <Th className="text-right">手紙</Th>
            <Th className="text-right">回答済み</Th>
          </tr>
        </thead>
        <tbody>
          {batches.data?.length === 0 && <EmptyRow colSpan={5}>まだ作成していません</EmptyRow>}
          {batches.data?.map((b) => (
            <tr key={b.id}>
              <Td>{labelOf(SURVEY_TARGET_KINDS, b.kind)}</Td>
              <Td>
                {b.from}〜{b.to}
              </Td>
              <Td className="text-right">{b.mail}</Td>
              <Td className="text-right">{b.letters}</Td>
              <Td className="text-right">{b.answered}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {letters && <LetterPrintView survey={survey} letters={letters} onClose={() => setLetters(null)} />}
    </div>
  )
}

/**
 * The letters on their own A4 pages (styles.css: `.print-view`), over the app and alone on paper.
 * The links are in this view only: once it is closed they cannot be shown again.
 */
function LetterPrintView({
  survey,
  letters,
  onClose,
}: {
  survey: Survey
  letters: SurveyLetter[]
  onClose: () => void
}) {
  return createPortal(
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="letters-heading"
      className="print-view fixed inset-0 z-50 overflow-auto bg-white p-6"
    >
      <div className="mb-6 flex flex-wrap items-center gap-4 print:hidden">
        <h2 id="letters-heading" className="text-std-20B-150">
          手紙の印刷（{letters.length}通）
        </h2>
        <Button type="button" onClick={() => window.print()}>
          印刷する
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          閉じる
        </Button>
        <p className="w-full text-std-16N-170">
          この画面を閉じると、リンクと QR コードは二度と表示できません。先に印刷してください。
        </p>
      </div>
      {letters.map((l, i) => (
        <article
          key={l.url}
          aria-label={`手紙 ${i + 1}`}
          className="print-letter mb-8 border border-solid-gray-300 p-8 print:border-0"
        >
          <p className="text-std-18B-160">{l.addressee ? `${l.addressee} 様` : 'ご担当者様'}</p>
          {l.address && <p className="text-std-16N-170">{l.address}</p>}
          <h3 className="mt-8 mb-4 text-std-20B-150">{survey.title}へのご協力のお願い</h3>
          {survey.introduction && (
            <p className="mb-4 whitespace-pre-wrap text-std-16N-170">{survey.introduction}</p>
          )}
          <p className="mb-4 text-std-16N-170">
            スマートフォンで下の QR
            コードを読み取るか、アドレスを入力して回答してください。このページはあなたのためのもので、回答は1回だけできます。回答は誰が答えたか分からない形で扱います。
          </p>
          {/* The QR code is SVG the server drew from the link (qrcode); it holds no script. */}
          <div
            className="h-48 w-48"
            role="img"
            aria-label="回答用ページの QR コード"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-drawn SVG of the link
            dangerouslySetInnerHTML={{ __html: l.qrSvg }}
          />
          <p className="mt-4 break-all font-mono text-std-16N-170">{l.url}</p>
        </article>
      ))}
    </div>,
    document.body,
  )
}
