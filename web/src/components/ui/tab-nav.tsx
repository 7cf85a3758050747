import { Link, type LinkProps } from '@tanstack/react-router'
import type { ReactNode } from 'react'

export interface TabNavItem<K extends string> {
  key: K
  label: ReactNode
  /** The tab's URL search; the default tab's is usually {} so that its URL stays clean. */
  search: LinkProps['search']
}

/**
 * Tabs that filter a list, as links to the same page with a different search, so that the choice
 * lives in the URL (back returns to it). The current one is marked with aria-current="page".
 */
export function TabNav<K extends string>({
  label,
  to,
  tabs,
  current,
}: {
  /** Names the navigation for screen readers (e.g. 会議の表示期間). */
  label: string
  to: LinkProps['to']
  tabs: TabNavItem<K>[]
  current: K
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-2 border-b-2 border-solid-gray-300">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              to={to}
              search={t.search}
              aria-current={t.key === current ? 'page' : undefined}
              className={`-mb-0.5 inline-flex min-h-12 items-center border-b-4 px-4 text-std-16B-170 ${
                t.key === current
                  ? 'border-key-900 text-key-900! no-underline'
                  : 'border-transparent text-solid-gray-800! hover:text-key-900!'
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
