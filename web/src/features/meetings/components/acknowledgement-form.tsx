import { type FormEvent, useState } from 'react'
import type { MeetingDetail } from '#shared/contracts/meetings.ts'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { describedBy, ErrorText } from '#web/components/ui/field.tsx'
import { type FormErrors, formErrorsFrom, noErrors } from '#web/lib/form-errors.ts'
import { useAcknowledgeMeeting } from '../api/acknowledge-meeting.ts'

const ID = 'acknowledge-confirm'

/**
 * 守秘義務の確認: an agency member reads what the 支援会議 is and what confidentiality means,
 * ticks the box and confirms; only then does the server send this meeting's cases. The wording
 * is the city's own (組織設定), or the statutory default before the city wrote one.
 */
export function AcknowledgementForm({
  meetingId,
  wording,
}: {
  meetingId: string
  wording: Pick<MeetingDetail['acknowledgement'], 'text' | 'textVersion'>
}) {
  const [checked, setChecked] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const acknowledge = useAcknowledgeMeeting(meetingId)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (acknowledge.isPending) return
    if (!checked)
      return setErrors({ fields: { confirm: '守秘義務の内容を確認し、確認欄にチェックしてください' } })
    setErrors(noErrors)
    acknowledge.mutate(wording.textVersion, {
      // The form gives way to the cases: start reading there.
      onSuccess: () => requestAnimationFrame(() => document.getElementById('meeting-agenda')?.focus()),
      onError: (error) => setErrors(formErrorsFrom(error, ['confirm'])),
    })
  }

  const error = errors.fields.confirm
  return (
    <section
      aria-labelledby="acknowledge-title"
      className="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-6"
    >
      <h2 id="acknowledge-title" className="text-std-24B-150">
        守秘義務の確認
      </h2>
      <p className="mt-4 text-std-16N-170">
        この会議の検討ケースを表示する前に、次の内容を確認してください。確認は会議ごとに必要です。
      </p>
      <div id={`${ID}-support`} className="mt-4 rounded-8 border border-solid-gray-600 bg-white p-4">
        <p className="whitespace-pre-line text-std-16N-170">{wording.text}</p>
        <ul className="mt-3 list-disc pl-6 text-std-16N-170">
          <li>根拠：生活困窮者自立支援法に基づく支援会議（同法の守秘義務の規定）</li>
          <li>メモや画面の写しを会議の目的以外に使ったり、他の人に渡したりしないでください。</li>
          <li>確認した日時は記録され、閲覧は監査ログに残ります。</li>
        </ul>
      </div>
      <form noValidate onSubmit={submit} className="mt-6 flex flex-col gap-4">
        <ErrorSummary
          message={errors.general}
          errors={error ? [{ targetId: ID, message: `確認欄：${error}` }] : []}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor={ID} className="flex min-h-11 cursor-pointer items-center gap-3 text-std-17B-170">
            <input
              type="checkbox"
              id={ID}
              name={ID}
              checked={checked}
              onChange={(e) => setChecked(e.target.checked)}
              aria-required="true"
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(ID, Boolean(error), true)}
              className="size-6 shrink-0 accent-key-900"
            />
            上記の内容を確認し、守秘義務を守ります
            <span className="text-std-16N-170 text-error-2">※必須</span>
          </label>
          <ErrorText id={ID} message={error} />
        </div>
        <div>
          <Button type="submit" aria-disabled={acknowledge.isPending || undefined}>
            {acknowledge.isPending ? '記録しています…' : '確認して検討ケースを表示する'}
          </Button>
        </div>
      </form>
    </section>
  )
}
