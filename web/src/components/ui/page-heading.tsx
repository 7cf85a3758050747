import { type ReactNode, useEffect, useRef } from 'react'
import { useDocumentTitle } from '../../lib/use-document-title.ts'

/**
 * The page's h1. It also sets document.title and takes focus when the page opens, so that
 * after a client-side navigation screen readers start reading the new page from its heading.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useDocumentTitle(title)
  useEffect(() => {
    ref.current?.focus({ preventScroll: true })
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
