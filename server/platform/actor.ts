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

/**
 * Who a record is written by: a signed-in staff member, or — for a resident's web consultation
 * message that counts as a contact the moment it arrives — nobody with an account.
 */
export type Recorder = Pick<Actor, 'tenantId' | 'name' | 'clientAddress'> & {
  accountId: string | null
  loginId: string | null
}
