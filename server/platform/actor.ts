import type { Role, UnitKind } from '#shared/codes.ts'

/** The signed-in staff member a request acts for; the service decides with it. */
export interface Actor {
  tenantId: string
  accountId: string
  loginId: string
  name: string
  role: Role
  unitId: string
  unitKind: UnitKind
  unitName: string
  wardCode: string | null
  cityName: string
  clientAddress: string
}
