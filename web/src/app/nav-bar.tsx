import { Link } from '@tanstack/react-router'
import type { Role } from '../../../shared/codes.ts'

interface NavItem {
  to:
    | '/'
    | '/cases'
    | '/cases/new'
    | '/admin/accounts'
    | '/admin/audit'
    | '/admin/settings'
    | '/report'
    | '/import'
    | '/baselines'
  label: string
  exact?: boolean
}

function itemsFor(role: Role, worksOnCases: boolean): NavItem[] {
  const home: NavItem = { to: '/', label: 'ホーム', exact: true }
  if (worksOnCases) {
    return [
      { ...home, label: '作業一覧' },
      { to: '/cases', label: 'ケース一覧', exact: true },
      { to: '/cases/new', label: '新規受付' },
    ]
  }
  const reporting: NavItem[] = [
    { to: '/report', label: '評価レポート' },
    { to: '/import', label: '台帳の取込' },
    { to: '/baselines', label: '比較基準' },
  ]
  if (role === 'admin') {
    return [
      home,
      { to: '/admin/accounts', label: 'アカウント管理' },
      { to: '/admin/audit', label: '監査ログ' },
      { to: '/admin/settings', label: '設定' },
      ...reporting,
    ]
  }
  if (role === 'headquarters') return [home, ...reporting]
  return [home]
}

/** The main navigation; only what the role may use is listed. */
export function NavBar({ role, worksOnCases }: { role: Role; worksOnCases: boolean }) {
  const items = itemsFor(role, worksOnCases)
  return (
    <nav aria-label="メインメニュー" className="bg-key-900">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
              className="inline-flex min-h-12 items-center px-4 text-std-16B-170 text-white! no-underline hover:underline aria-[current=page]:underline aria-[current=page]:decoration-4"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
