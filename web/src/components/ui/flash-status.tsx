import type { Ref } from 'react'

export interface FlashStatusProps {
  /** What was just done (「…を登録しました。」); empty shows nothing. */
  message: string
  /** For pages that move focus to the message after an action (React 19 passes ref as a prop). */
  ref?: Ref<HTMLDivElement>
}

/**
 * The line that says an action succeeded. The live region is always rendered, hidden while empty,
 * because a screen reader announces only what is put into a region that was already there.
 */
export function FlashStatus({ message, ref }: FlashStatusProps) {
  return (
    <div role="status" ref={ref} tabIndex={ref ? -1 : undefined} className="mb-6 scroll-mt-4 empty:hidden">
      {message && (
        <p className="rounded-8 border-l-8 border-success-2 bg-green-50 p-4 text-std-16B-170">{message}</p>
      )}
    </div>
  )
}
