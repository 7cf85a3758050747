import type { z } from 'zod'
import type * as contract from '../../../shared/contracts/audit.ts'
import { addDays } from '../../../shared/dates.ts'
import type { Db } from '../../db/client.ts'
import type { Actor } from '../../platform/actor.ts'
import { writeAudit } from '../../platform/audit.ts'
import type { Clock } from '../../platform/clock.ts'
import { requireAdmin } from '../accounts/accounts.policy.ts'
import * as repo from './audit.repository.ts'

export const DEFAULT_NO_CONTACT_DAYS = 14

/** The start of a Tokyo calendar day as an instant (Tokyo has no daylight saving). */
const tokyoMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`)

type AuditQuery = z.output<NonNullable<typeof contract.listAudit.query>>

export function createAuditService(db: Db, clock: Clock) {
  return {
    /** Administrators read the log; reading it is itself audited. */
    async list(actor: Actor, q: AuditQuery) {
      requireAdmin(actor)
      const { rows, total } = await db.transaction(async (tx) => {
        const found = await repo.findAuditEntries(tx, actor.tenantId, {
          ...q,
          fromAt: q.from ? tokyoMidnight(q.from) : undefined,
          toAt: q.to ? tokyoMidnight(addDays(q.to, 1)) : undefined,
        })
        await writeAudit(tx, actor, clock.now(), {
          action: 'audit.read',
          detail: { count: found.rows.length },
        })
        return found
      })
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actorLogin: r.actorLogin,
          action: r.action,
          recordType: r.recordType,
          recordId: r.recordId,
          clientAddress: r.clientAddress,
          detail: (r.detail as Record<string, unknown> | null) ?? null,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      }
    },

    async settings(actor: Actor) {
      requireAdmin(actor)
      const noContactDays =
        (await repo.readSetting<number>(db, actor.tenantId, 'noContactDays')) ?? DEFAULT_NO_CONTACT_DAYS
      return { noContactDays }
    },

    async updateSettings(actor: Actor, input: { noContactDays: number }) {
      requireAdmin(actor)
      return db.transaction(async (tx) => {
        await repo.writeSetting(tx, actor.tenantId, 'noContactDays', input.noContactDays)
        await writeAudit(tx, actor, clock.now(), {
          action: 'settings.update',
          detail: { noContactDays: input.noContactDays },
        })
        return { noContactDays: input.noContactDays }
      })
    },
  }
}
