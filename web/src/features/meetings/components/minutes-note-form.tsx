import { type FormEvent, useState } from 'react'
import { Button } from '#web/components/ui/button.tsx'
import { ErrorSummary } from '#web/components/ui/error-summary.tsx'
import { TextareaField } from '#web/components/ui/textarea-field.tsx'
import { type FormErrors, formErrorsFrom, noErrors, summaryOf, textOrNull } from '#web/lib/form-errors.ts'
import { useUpdateMeeting } from '../api/update-meeting.ts'
import type { MeetingDetail } from '../meeting-types.ts'

const LABELS = { minutesNote: '会議全体の記録' } as const
const idOf = (field: string) => `minutes-${field}`

/** 議事録の全体メモ: what the meeting noted outside the per-case decisions. */
export function MinutesNoteForm({ meeting }: { meeting: MeetingDetail }) {
  const [note, setNote] = useState(meeting.minutesNote ?? '')
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [saved, setSaved] = useState('')
  const update = useUpdateMeeting(meeting.id)
  const dirty = (textOrNull(note) ?? null) !== (meeting.minutesNote ?? null)

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (update.isPending) return
    setErrors(noErrors)
    if (!dirty) return setSaved('変更はありません。')
    update.mutate(
      { minutesNote: textOrNull(note) },
      {
        onSuccess: () => setSaved('会議全体の記録を保存しました。'),
        onError: (error) => setErrors(formErrorsFrom(error, Object.keys(LABELS))),
      },
    )
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      <ErrorSummary message={errors.general} errors={summaryOf(errors, LABELS, idOf)} />
      <TextareaField
        id={idOf('minutesNote')}
        label={LABELS.minutesNote}
        support="報告事項や次回の予定など、ケースごとの決定以外のことを書きます。議事録に載ります。"
        rows={5}
        maxLength={8000}
        value={note}
        onValueChange={(v) => {
          setNote(v)
          setSaved('')
        }}
        error={errors.fields.minutesNote}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary" aria-disabled={update.isPending || undefined}>
          {update.isPending ? '保存しています…' : '会議全体の記録を保存する'}
        </Button>
        <p role="status" className="text-std-16B-170 text-success-2">
          {saved}
        </p>
      </div>
    </form>
  )
}
