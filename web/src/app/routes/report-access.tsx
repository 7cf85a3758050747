import type { ReactNode } from 'react'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { useMe } from '#web/lib/session.ts'

/** Roles that see the evaluation report, the ledger import and the baselines. */
export const REPORT_ROLES = ['headquarters', 'admin'] as const

/** The server enforces it too; this only spares other roles a page of errors. */
export function RequireReportRole({ title, children }: { title: string; children: ReactNode }) {
  const me = useMe()
  if ((REPORT_ROLES as readonly string[]).includes(me.role)) return children
  return (
    <>
      <PageHeading title={title} />
      <Notice tone="warning" title="このページを利用する権限がありません">
        本市担当課とシステム管理者が利用できるページです。必要な場合はシステム管理者に相談してください。
      </Notice>
    </>
  )
}
