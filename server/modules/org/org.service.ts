import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { toUnit } from './org.dto.ts'
import * as repo from './org.repository.ts'

/** Who appears in staff pickers: the people who record cases and contacts. */
export const STAFF_ROLES = ['window_counsellor', 'ward_coordinator', 'ward_staff'] as const

/** The reads every signed-in form needs: the city's units, wards and staff directory. */
export function createOrgService(db: Db) {
  return {
    async units(actor: Actor) {
      return (await repo.findActiveUnitsAll(db, actor.tenantId)).map(toUnit)
    },

    wards(actor: Actor) {
      return repo.findWards(db, actor.tenantId)
    },

    /** Staff of the caller's own side: the window sees the window, a ward sees its ward. */
    async staff(actor: Actor) {
      const rows = await repo.findActiveStaff(db, actor.tenantId, STAFF_ROLES)
      return rows
        .filter((a) =>
          actor.unitKind === 'window' ? a.unitKind === 'window' : a.wardCode === actor.wardCode,
        )
        .map((a) => ({ id: a.id, name: a.name, unitName: a.unitName }))
    },
  }
}

export type OrgService = ReturnType<typeof createOrgService>
