import { Button } from '#web/components/ui/button.tsx'
import { Notice } from '#web/components/ui/notice.tsx'

/**
 * The question when a meeting would fall on a date on which its ward already meets (scheduling a
 * new one, or moving one): go ahead, or back to the date field (`dateFieldId`) to change it.
 */
export function SameDateNotice({
  message,
  confirmId,
  confirmLabel,
  pending,
  dateFieldId,
  onConfirm,
  onChangeDate,
}: {
  message: string
  confirmId: string
  confirmLabel: string
  pending: boolean
  dateFieldId: string
  onConfirm: () => void
  onChangeDate: () => void
}) {
  return (
    <Notice tone="warning" title="同じ日に会議があります" live="alert">
      <p>{message}</p>
      <div className="mt-4 flex flex-wrap gap-4">
        <Button
          id={confirmId}
          aria-disabled={pending || undefined}
          onClick={() => {
            if (!pending) onConfirm()
          }}
        >
          {confirmLabel}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            onChangeDate()
            requestAnimationFrame(() => document.getElementById(dateFieldId)?.focus())
          }}
        >
          開催日を変える
        </Button>
      </div>
    </Notice>
  )
}
