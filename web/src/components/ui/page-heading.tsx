import { type ReactNode, useEffect, useRef } from 'react'
import { useDocumentTitle } from '#web/lib/use-document-title.ts'

// On the first page of a visit the browser already starts at the top (skip link first), so only
// later, client-side navigations move focus to the new page's heading.
let firstPageShown = false

/**
 * The page's h1. It also sets document.title and, after a client-side navigation, takes focus
 * so that screen readers start reading the new page from its heading.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useDocumentTitle(title)
  useEffect(() => {
    if (firstPageShown) ref.current?.focus({ preventScroll: true })
    firstPageShown = true
  }, [])
  return (
    <div className="mb-8 flex flex-wrap items-end justify-between gap-4">
      <h1 ref={ref} tabIndex={-1} className="text-std-32B-150">
        {title}
      </h1>
      {children}
    </div>
  )
}
