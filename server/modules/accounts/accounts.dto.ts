import type { Account, Unit } from '#shared/contracts/accounts.ts'
import type { AccountWithUnit, UnitRow } from './accounts.repository.ts'

export function toUnit(u: UnitRow): Unit {
  return {
    id: u.id,
    kind: u.kind as Unit['kind'],
    name: u.name,
    wardCode: u.wardCode,
    sectionCode: u.sectionCode,
  }
}

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
