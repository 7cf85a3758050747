import { toUnit } from '#server/modules/org/index.ts'
import type { Account } from '#shared/contracts/accounts.ts'
import type { AccountWithUnit } from './accounts.repository.ts'

export function toAccount(a: AccountWithUnit, now: Date): Account {
  return {
    id: a.id,
    loginId: a.loginId,
    name: a.name,
    role: a.role as Account['role'],
    unit: toUnit(a.unit),
    active: a.active,
    locked: a.lockedUntil !== null && a.lockedUntil.getTime() > now.getTime(),
    hasPassword: a.passwordHash !== null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  }
}
