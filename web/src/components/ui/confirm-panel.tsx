import { type ReactNode, useEffect, useId, useRef } from 'react'
import { Button } from './button.tsx'

export interface ConfirmPanelProps {
  title: string
  children?: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  busy?: boolean
  danger?: boolean
}

/**
 * The confirmation step of a weighty action, shown in place of the form rather than in a
 * modal: it stays in the reading order, and focus moves to it so keyboard users land on it.
 */
export function ConfirmPanel({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  danger,
}: ConfirmPanelProps) {
  const ref = useRef<HTMLHeadingElement>(null)
  const titleId = useId()
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-6"
    >
      <h3 id={titleId} ref={ref} tabIndex={-1} className="text-std-20B-150">
        {title}
      </h3>
      {children && <div className="mt-4 text-std-16N-170">{children}</div>}
      <div className="mt-6 flex flex-wrap gap-4">
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {busy ? '処理中…' : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          戻って修正する
        </Button>
      </div>
    </section>
  )
}
