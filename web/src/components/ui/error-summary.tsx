import { useEffect, useId, useRef } from 'react'

export interface SummaryError {
  /** The id of the control to move to. */
  targetId: string
  message: string
}

/**
 * The list of errors shown at the top of a form after a failed submit. Focus moves here so
 * screen reader users hear it at once; each entry links to its control.
 */
export function ErrorSummary({
  errors,
  message,
  title = '入力内容を確認してください',
}: {
  errors: SummaryError[]
  /** A problem with the whole form (wrong password, conflict), not with one field. */
  message?: string | undefined
  title?: string
}) {
  const ref = useRef<HTMLElement>(null)
  const titleId = useId()
  // Re-focus on every new set of errors, not only the first one.
  const key = [message ?? '', ...errors.map((e) => `${e.targetId}:${e.message}`)].join('|')

  useEffect(() => {
    if (key) ref.current?.focus()
  }, [key])

  if (errors.length === 0 && !message) return null
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      className="rounded-8 border-2 border-error-2 bg-white p-6"
    >
      <h2 id={titleId} className="text-std-20B-150 text-error-2">
        {title}
      </h2>
      {message && <p className="mt-4 text-std-16N-170">{message}</p>}
      {errors.length > 0 && (
        <ul className="mt-4 list-disc pl-6">
          {errors.map((e) => (
            <li key={`${e.targetId}-${e.message}`} className="text-std-16N-170">
              <a
                href={`#${e.targetId}`}
                className="text-error-2!"
                onClick={(event) => {
                  // Move focus to the control itself; a bare hash link only scrolls.
                  const target = document.getElementById(e.targetId)
                  if (!target) return
                  event.preventDefault()
                  target.scrollIntoView({ block: 'center' })
                  target.focus()
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
