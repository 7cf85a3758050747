import type { ReactNode } from 'react'
import type { Ability } from '#shared/contracts/abilities.ts'
import { Notice } from '#web/components/ui/notice.tsx'
import { PageHeading } from '#web/components/ui/page-heading.tsx'
import { useCan } from '#web/lib/session.ts'

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

/** Shows the page when the session's `can` allows it (any of `abilities`). */
export function RequireAbility({
  ability,
  children,
}: {
  ability: Ability | readonly Ability[]
  children: ReactNode
}) {
  const can = useCan()
  const any = typeof ability === 'string' ? [ability] : ability
  return any.some((a) => can[a]) ? children : <NotAllowed />
}

export function RequireCaseRole({ children }: { children: ReactNode }) {
  return <RequireAbility ability="recordIntake">{children}</RequireAbility>
}

export function RequireCaseReader({ children }: { children: ReactNode }) {
  return <RequireAbility ability="readCases">{children}</RequireAbility>
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  return <RequireAbility ability="manageAccounts">{children}</RequireAbility>
}
