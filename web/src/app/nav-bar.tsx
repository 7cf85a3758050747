import { Link } from '@tanstack/react-router'
import type { Can } from '#shared/contracts/abilities.ts'

interface NavItem {
  to:
    | '/'
    | '/cases'
    | '/cases/new'
    | '/ward/inbox'
    | '/inquiries'
    | '/meetings'
    | '/my-cases'
    | '/caseloads'
    | '/resources'
    | '/surveys'
    | '/seminars'
    | '/network'
    | '/admin/accounts'
    | '/admin/audit'
    | '/admin/settings'
    | '/admin/org'
    | '/report'
    | '/import'
    | '/baselines'
  label: string
  exact?: boolean
}

const HOME: NavItem = { to: '/', label: 'ホーム', exact: true }
const CASES: NavItem[] = [
  { to: '/', label: '作業一覧', exact: true },
  { to: '/cases', label: 'ケース一覧', exact: true },
  { to: '/cases/new', label: '新規受付' },
]
const INBOX: NavItem = { to: '/ward/inbox', label: '引継ぎ・受付' }
const INQUIRIES: NavItem = { to: '/inquiries', label: 'ウェブ相談' }
const MEETINGS: NavItem = { to: '/meetings', label: '支援調整会議' }
const MY_CASES: NavItem = { to: '/my-cases', label: '担当ケース' }
const CASELOADS: NavItem = { to: '/caseloads', label: '担当状況' }
const RESOURCES: NavItem = { to: '/resources', label: '社会資源' }
const SURVEYS: NavItem = { to: '/surveys', label: 'アンケート' }
const SEMINARS: NavItem = { to: '/seminars', label: '家族向け研修会' }
const NETWORK: NavItem = { to: '/network', label: '全市の会議' }
const REPORTING: NavItem[] = [
  { to: '/report', label: '評価レポート' },
  { to: '/import', label: '台帳の取込' },
  { to: '/baselines', label: '比較基準' },
]

const ADMIN: NavItem[] = [
  { to: '/admin/accounts', label: 'アカウント管理' },
  { to: '/admin/audit', label: '監査ログ' },
  { to: '/admin/org', label: '組織設定' },
  { to: '/admin/settings', label: '設定' },
]

/**
 * The menu from what the account may do (`can` on the session). Case work leads with the work
 * list; the directory of resources sits with the city-wide meetings, for those who work with the
 * city's network of support.
 */
function itemsFor(can: Can): NavItem[] {
  const when = (allowed: boolean, ...items: NavItem[]) => (allowed ? items : [])
  return [
    ...(can.recordIntake ? CASES : [HOME]),
    ...when(can.inquiries, INQUIRIES),
    ...when(can.manageAccounts, ...ADMIN),
    ...when(can.viewReport, REPORTING[0]!),
    ...when(can.importLedger, ...REPORTING.slice(1)),
    ...when(can.readWardInbox, INBOX),
    ...when(can.readMeetings, MEETINGS),
    ...when(can.readMyCases, MY_CASES),
    ...when(can.viewCaseloads, CASELOADS),
    ...when(can.readNetwork, RESOURCES, NETWORK),
    ...when(can.manageSurveys, SURVEYS),
    ...when(can.readSeminars, SEMINARS),
  ]
}

/** The main navigation; only what the role may use is listed. */
export function NavBar({ can }: { can: Can }) {
  const items = itemsFor(can)
  return (
    <nav aria-label="メインメニュー" className="bg-key-900">
      <ul className="mx-auto flex max-w-6xl flex-col px-4 py-2 md:flex-row md:flex-wrap md:gap-1 md:py-0">
        {items.map((item) => (
          <li key={item.to}>
            <Link
              to={item.to}
              activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
              className="flex min-h-12 items-center px-4 text-std-16B-170 text-white! no-underline hover:underline aria-[current=page]:underline aria-[current=page]:decoration-4"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
