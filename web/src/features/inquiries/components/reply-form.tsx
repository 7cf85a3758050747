import { type FormEvent, useState } from 'react'
import { type InquiryThread, REPLY_MAX } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { SelectField } from '#web/components/ui/select-field.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { useInquiryTemplates } from '../api/list-templates.ts'
import { useReplyToInquiry } from '../api/reply-to-inquiry.ts'
import { inquiryErrorsFrom } from '../inquiry-errors.ts'

const labels = { body: '返信', minutes: '所要時間' } as const
const idOf = (field: string) => `reply-${field}`

/**
 * The reply to the resident. A template (定型文) fills the text, which stays editable; the reply
 * is sent after a confirmation, since the resident reads it as it is.
 */
export function ReplyForm({ t, onDone }: { t: InquiryThread; onDone: (message: string) => void }) {
  const templates = useInquiryTemplates()
  const [templateId, setTemplateId] = useState('')
  const [body, setBody] = useState('')
  const [minutes, setMinutes] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const send = useReplyToInquiry(t.id)

  const insertTemplate = () => {
    const picked = templates.data?.find((x) => x.id === templateId)
    if (!picked) return
    // Appended, so a counsellor who has begun writing loses nothing.
    setBody((old) => (old.trim() ? `${old}\n\n${picked.body}` : picked.body))
  }

  const review = (e: FormEvent) => {
    e.preventDefault()
    if (!body.trim()) {
      setErrors({ fields: { body: '返信を入力してください' } })
      return
    }
    setErrors(noErrors)
    setConfirming(true)
  }

  const confirm = () => {
    send.mutate(
      { body, minutes: textOrNull(minutes) as never },
      {
        onSuccess: () => {
          setConfirming(false)
          setBody('')
          setMinutes('')
          setTemplateId('')
          onDone(
            t.hasNoticeAddress
              ? '返信を送りました。相談者に返信のお知らせメールを送ります。'
              : '返信を送りました。',
          )
        },
        onError: (error) => {
          setConfirming(false)
          setErrors(inquiryErrorsFrom(error, Object.keys(labels)))
        },
      },
    )
  }

  if (confirming) {
    return (
      <ConfirmPanel
        title="この内容で相談者に返信します。よろしいですか？"
        confirmLabel="返信を送る"
        busy={send.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="whitespace-pre-wrap break-words rounded-8 border border-solid-gray-420 bg-white p-4">
          {body}
        </p>
        <p className="mt-2">
          送った返信は取り消せません。{t.caseId ? 'ケースの対応記録（メール）にも計上します。' : ''}
        </p>
      </ConfirmPanel>
    )
  }

  const choices = (templates.data ?? []).map((x) => ({ value: x.id, label: x.title }))
  return (
    <form noValidate onSubmit={review} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <div className="flex flex-wrap items-end gap-4">
        <SelectField
          id={idOf('template')}
          label="定型文"
          support={
            choices.length
              ? '選んで「本文に入れる」を押すと、返信の本文の末尾に入ります。'
              : '定型文はまだありません。「定型文の管理」で登録できます。'
          }
          emptyLabel="選択してください"
          options={choices}
          value={templateId}
          onValueChange={setTemplateId}
        />
        <Button variant="secondary" onClick={insertTemplate} disabled={!templateId}>
          本文に入れる
        </Button>
      </div>
      <TextareaField
        id={idOf('body')}
        label={labels.body}
        required
        support="相談者が受付番号と合言葉で読みます。個人を特定できる内容や、電話を前提とする書き方は避けてください。"
        rows={8}
        maxLength={REPLY_MAX}
        value={body}
        onValueChange={setBody}
        error={errors.fields.body}
      />
      <TextField
        id={idOf('minutes')}
        label={labels.minutes}
        support="この返信にかかった時間（分）。ケースに結び付くと対応記録の所要時間になります。"
        inputMode="numeric"
        widthClass="w-28"
        autoComplete="off"
        value={minutes}
        onValueChange={setMinutes}
        error={errors.fields.minutes}
        after={<span className="text-std-16N-170">分</span>}
      />
      <div>
        <Button type="submit">確認へ進む</Button>
      </div>
    </form>
  )
}
