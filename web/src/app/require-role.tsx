import type { ReactNode } from 'react'
import type { Role } from '#shared/codes.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { readsCases, useMe, worksOnCases } from '#web/lib/session.ts'

// The server enforces every permission; these guards only spare people a page of errors.

function NotAllowed() {
  return (
    <>
      <PageHeading title="このページは表示できません" />
      <Notice tone="warning" title="このページを利用する権限がありません">
        必要な場合はシステム管理者に相談してください。
      </Notice>
    </>
  )
}

export function RequireCaseRole({ children }: { children: ReactNode }) {
  const me = useMe()
  return worksOnCases(me) ? children : <NotAllowed />
}

export function RequireCaseReader({ children }: { children: ReactNode }) {
  const me = useMe()
  return readsCases(me) ? children : <NotAllowed />
}

export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe()
  return roles.includes(me.role) ? children : <NotAllowed />
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useMe()
  return me.role === 'admin' ? children : <NotAllowed />
}
