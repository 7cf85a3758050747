import type { ReactNode } from 'react'
import type { Ability } from '#shared/contracts/abilities.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { useCan } from '#web/lib/session.ts'

/** The server enforces it too; this only spares other roles a page of errors. */
export function RequireReportRole({
  title,
  ability = 'viewReport',
  children,
}: {
  title: string
  /** The report itself, or the ledger's import and baselines. */
  ability?: Extract<Ability, 'viewReport' | 'importLedger'>
  children: ReactNode
}) {
  if (useCan()[ability]) return children
  return (
    <>
      <PageHeading title={title} />
      <Notice tone="warning" title="このページを利用する権限がありません">
        本市担当課、システム管理者と区の寄り添い支援係長（自分の区の評価レポートのみ）が利用できるページです。必要な場合はシステム管理者に相談してください。
      </Notice>
    </>
  )
}
