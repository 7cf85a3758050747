import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { requireAdmin } from '#server/modules/accounts/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import { type CaseloadThresholds, DEFAULT_CASELOAD_THRESHOLDS } from '#shared/contracts/accompaniment.ts'
import type * as contract from '#shared/contracts/audit.ts'
import {
  AUDIT_EXPORT_LIMIT,
  type CitySettings,
  DEFAULT_AGENCY_VIEW_DAYS,
  DEFAULT_NO_CONTACT_DAYS,
  DEFAULT_TWO_FACTOR_ROLES,
} from '#shared/contracts/audit.ts'
import { DEFAULT_HANDOVER_WAIT_DAYS } from '#shared/contracts/handovers.ts'
import { addDays } from '#shared/dates.ts'
import { SEMINAR_RETENTION_KEY, seminarRetentionDaysOf } from '#shared/seminar-settings.ts'
import * as repo from './audit.repository.ts'
import { auditCsv } from './audit-csv.ts'

/** The start of a Tokyo calendar day as an instant (Tokyo has no daylight saving). */
const tokyoMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`)

type AuditQuery = z.output<NonNullable<typeof contract.listAudit.query>>
type AuditFilterQuery = z.output<typeof contract.auditFilters>

/** The contract's filters as the repository takes them: Tokyo days become instants. */
function filterOf(q: AuditFilterQuery): repo.AuditFilter {
  return {
    action: q.action,
    actor: q.actor,
    recordType: q.recordType,
    recordId: q.recordId,
    caseNo: q.caseNo,
    fromAt: q.from ? tokyoMidnight(q.from) : undefined,
    toAt: q.to ? tokyoMidnight(addDays(q.to, 1)) : undefined,
  }
}
type SettingsInput = z.output<NonNullable<typeof contract.updateSettings.body>>

export function createAuditService(db: Db, clock: Clock) {
  return {
    /** Administrators read the log; reading it is itself audited. */
    async list(actor: Actor, q: AuditQuery) {
      requireAdmin(actor)
      const { rows, total } = await db.transaction(async (tx) => {
        const found = await repo.findAuditEntries(tx, actor.tenantId, {
          ...filterOf(q),
          page: q.page,
          pageSize: q.pageSize,
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
          actorName: r.actorName,
          action: r.action,
          recordType: r.recordType,
          recordId: r.recordId,
          clientAddress: r.clientAddress,
          detail: (r.detail as Record<string, unknown> | null) ?? null,
          caseId: r.caseId,
          caseNo: r.caseNo,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      }
    },

    /**
     * The filtered rows as CSV (newest first, at most AUDIT_EXPORT_LIMIT). The export is itself
     * audited with its filters and the number of rows, in the same transaction as the read.
     */
    async exportCsv(actor: Actor, q: AuditFilterQuery) {
      requireAdmin(actor)
      return db.transaction(async (tx) => {
        const rows = await repo.findAuditRowsForExport(tx, actor.tenantId, filterOf(q), AUDIT_EXPORT_LIMIT)
        await writeAudit(tx, actor, clock.now(), {
          action: 'audit.export',
          detail: { count: rows.length, filters: q },
        })
        return { csv: auditCsv(rows), count: rows.length }
      })
    },

    async actors(actor: Actor) {
      requireAdmin(actor)
      const rows = await repo.findAuditActors(db, actor.tenantId)
      return rows.map((r) => ({ login: r.login!, name: r.name }))
    },

    async settings(actor: Actor): Promise<CitySettings> {
      requireAdmin(actor)
      return readCitySettings(db, actor.tenantId)
    },

    /** Only the settings sent change; the audit row names them and their new values (no personal data). */
    async updateSettings(actor: Actor, input: SettingsInput): Promise<CitySettings> {
      requireAdmin(actor)
      return db.transaction(async (tx) => {
        const current = await readCitySettings(tx, actor.tenantId)
        const next: CitySettings = {
          noContactDays: input.noContactDays ?? current.noContactDays,
          agencyViewDays: input.agencyViewDays ?? current.agencyViewDays,
          handoverWaitDays: input.handoverWaitDays ?? current.handoverWaitDays,
          caseloadThresholds: { ...current.caseloadThresholds, ...definedOnly(input.caseloadThresholds) },
          twoFactorRoles: input.twoFactorRoles ?? current.twoFactorRoles,
          seminarRetentionDays: input.seminarRetentionDays ?? current.seminarRetentionDays,
        }
        const changed = SETTING_KEYS.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]))
        for (const key of changed) await writeSetting(tx, actor.tenantId, storedAs(key), next[key])
        await writeAudit(tx, actor, clock.now(), {
          action: 'settings.update',
          detail: Object.fromEntries(changed.map((k) => [k, next[k]])),
        })
        return next
      })
    },
  }
}

const SETTING_KEYS = [
  'noContactDays',
  'agencyViewDays',
  'handoverWaitDays',
  'caseloadThresholds',
  'twoFactorRoles',
  'seminarRetentionDays',
] as const

/** The settings table's key: the seminars module's own namespaced key, the others by their name. */
const storedAs = (key: (typeof SETTING_KEYS)[number]) =>
  key === 'seminarRetentionDays' ? SEMINAR_RETENTION_KEY : key

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
}

/** The city's settings, each with its default until an administrator sets it. */
export async function readCitySettings(db: Db, tenantId: string): Promise<CitySettings> {
  const [noContactDays, agencyViewDays, handoverWaitDays, thresholds, twoFactorRoles, seminarDays] = [
    await readSetting<number>(db, tenantId, 'noContactDays'),
    await readSetting<number>(db, tenantId, 'agencyViewDays'),
    await readSetting<number>(db, tenantId, 'handoverWaitDays'),
    await readSetting<Partial<CaseloadThresholds>>(db, tenantId, 'caseloadThresholds'),
    await readSetting<CitySettings['twoFactorRoles']>(db, tenantId, 'twoFactorRoles'),
    await readSetting(db, tenantId, SEMINAR_RETENTION_KEY),
  ]
  return {
    noContactDays: noContactDays ?? DEFAULT_NO_CONTACT_DAYS,
    agencyViewDays: agencyViewDays ?? DEFAULT_AGENCY_VIEW_DAYS,
    handoverWaitDays: handoverWaitDays ?? DEFAULT_HANDOVER_WAIT_DAYS,
    caseloadThresholds: { ...DEFAULT_CASELOAD_THRESHOLDS, ...thresholds },
    twoFactorRoles: twoFactorRoles ?? DEFAULT_TWO_FACTOR_ROLES,
    // As the retention reads it, so the page shows the days it will use.
    seminarRetentionDays: seminarRetentionDaysOf(seminarDays),
  }
}
