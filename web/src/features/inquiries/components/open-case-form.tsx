import { type FormEvent, useState } from 'react'
import { CONCERNS, COUNTERPARTS, labelOf, URGENCIES } from '#shared/codes.ts'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { Button } from '#web/components/ui/button.tsx'
import { CheckboxGroup, RadioGroup } from '#web/components/ui/choice-group.tsx'
import { ConfirmPanel } from '#web/components/ui/confirm-panel.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextField } from '#web/components/ui/text-field.tsx'
import { type FormErrors, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { optionsOf } from '#web/lib/options.ts'
import { useOpenCaseFromInquiry } from '../api/open-case-from-inquiry.ts'
import { inquiryErrorsFrom } from '../inquiry-errors.ts'

const labels = { urgency: '緊急度', concerns: '主訴・課題', name: '氏名', kana: 'ふりがな' } as const
const idOf = (field: string) => `open-case-${field}`

/**
 * 新しいケースとして受け付ける: the case gets 相談者 from who wrote and 経路 ウェブサイト; the
 * counsellor adds what the messages tell (urgency, concerns, a name if one was given).
 */
export function OpenCaseForm({
  t,
  onDone,
  onCancel,
}: {
  t: InquiryThread
  onDone: (message: string) => void
  onCancel: () => void
}) {
  const [urgency, setUrgency] = useState(t.urgent ? 'urgent' : 'normal')
  const [concerns, setConcerns] = useState<string[]>([])
  const [name, setName] = useState('')
  const [kana, setKana] = useState('')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [confirming, setConfirming] = useState(false)
  const open = useOpenCaseFromInquiry(t.id)

  const review = (e: FormEvent) => {
    e.preventDefault()
    setErrors(noErrors)
    setConfirming(true)
  }

  // Awaited rather than mutate's callbacks: the saved link replaces this form at once (the
  // section shows the case), and callbacks of an unmounted mutate never run.
  const confirm = async () => {
    try {
      const thread = await open.mutateAsync({
        urgency: urgency as never,
        concerns: concerns as never,
        name: textOrNull(name),
        kana: textOrNull(kana),
      })
      onDone(
        `ケース ${thread.caseNo ?? ''} を受け付け、これまでのメッセージを対応記録（メール）に計上しました。`,
      )
    } catch (error) {
      setConfirming(false)
      setErrors(inquiryErrorsFrom(error, Object.keys(labels)))
    }
  }

  if (confirming) {
    return (
      <ConfirmPanel
        title="この相談から新しいケースを受け付けます。よろしいですか？"
        confirmLabel="ケースを受け付ける"
        busy={open.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          相談者「{labelOf(COUNTERPARTS, t.senderRole)}」、経路「ウェブサイト」、緊急度「
          {labelOf(URGENCIES, urgency as never)}」で相談窓口のケースを作ります。
        </p>
        <p>
          これまでの{t.messages.length}
          通のメッセージと、これからのやりとりは、すべて対応記録（手法：メール）として数えます。
        </p>
      </ConfirmPanel>
    )
  }

  return (
    <form noValidate onSubmit={review} className="flex flex-col gap-6">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, labels, idOf)} />
      <RadioGroup
        id={idOf('urgency')}
        legend={labels.urgency}
        required
        choices={optionsOf(URGENCIES)}
        value={urgency}
        onValueChange={setUrgency}
        error={errors.fields.urgency}
      />
      <CheckboxGroup
        id={idOf('concerns')}
        legend={labels.concerns}
        choices={optionsOf(CONCERNS)}
        values={concerns}
        onValuesChange={setConcerns}
        error={errors.fields.concerns}
      />
      <TextField
        id={idOf('name')}
        label={labels.name}
        support="相談の中で名乗られた場合のみ。ニックネームは氏名ではありません。"
        autoComplete="off"
        value={name}
        onValueChange={setName}
        error={errors.fields.name}
      />
      <TextField
        id={idOf('kana')}
        label={labels.kana}
        autoComplete="off"
        value={kana}
        onValueChange={setKana}
        error={errors.fields.kana}
      />
      <div className="flex flex-wrap gap-4">
        <Button type="submit">確認へ進む</Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </form>
  )
}
