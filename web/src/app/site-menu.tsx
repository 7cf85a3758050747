import { useRouterState } from '@tanstack/react-router'
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'

/**
 * The header's menu as a disclosure: below the md breakpoint (phones, and a desktop window at
 * 200 % zoom) the navigation and the account links hide behind one button, so the page's content
 * starts on the first screen; from md up the button is gone and the menu always shows.
 * Focus stays on the button when it opens (the disclosure pattern: Tab goes on into the menu);
 * Escape closes it and puts focus back on the button; going to another page closes it.
 */
export function SiteMenu({
  brand,
  wide,
  children,
}: {
  brand: ReactNode
  wide: ReactNode
  children: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new page
  useEffect(() => setOpen(false), [pathname])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return
    event.stopPropagation()
    setOpen(false)
    button.current?.focus()
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape bubbles here from the button and the menu's links
    <div onKeyDown={onKeyDown}>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen(!open)}
          className="inline-flex min-h-12 items-center gap-2 rounded-8 border-2 border-key-900 bg-white px-4 text-std-16B-170 text-key-900 hover:bg-key-50 md:hidden"
        >
          <span aria-hidden="true" className="text-std-20B-150">
            {open ? '×' : '≡'}
          </span>
          メニュー
        </button>
        <div className="hidden md:flex">{wide}</div>
      </div>
      <div id={menuId} className={`${open ? 'block' : 'hidden'} md:block`}>
        {children}
      </div>
    </div>
  )
}
