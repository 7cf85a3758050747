// 組織設定: the administrator of a city, and no one else, reads and changes its organisation.
// Every change is audited (ids and field names), renames and (de)activations also go to
// org_history so the old names stay on record while old records show the current name.
import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { conflict, forbidden, invalid, isUniqueViolation, notFound } from '#server/platform/errors.ts'
import { readSetting, writeSetting } from '#server/platform/settings-store.ts'
import type * as contract from '#shared/contracts/org-settings.ts'
import { findCityName } from './org.repository.ts'
import * as repo from './org-settings.repository.ts'

type Body<C extends { body?: z.ZodType }> = z.output<NonNullable<C['body']>>

export const STALE = '他の人が先に変更しました。画面を読み込み直してから、もう一度変更してください。'
export const WARD_HAS_RECORDS =
  'この区・支所には記録があるため削除できません。使わなくなった場合は「無効にする」を選んでください。'
export const UNIT_HAS_RECORDS =
  'この組織には記録（職員・ケース・会議など）があるため削除できません。使わなくなった場合は「無効にする」を選んでください。'
const WINDOW_KEY = 'windowInfo'

export interface WindowInfo {
  hours: string | null
  phone: string | null
  crisisLines: { name: string; phone: string; hours: string | null }[]
  version: number
}
const NO_WINDOW_INFO: WindowInfo = { hours: null, phone: null, crisisLines: [], version: 0 }

/** The window's hours and phone and the crisis lines as the administrator set them (none yet: empty). */
export async function readWindowInfo(db: Db, tenantId: string): Promise<WindowInfo> {
  return (await readSetting<WindowInfo>(db, tenantId, WINDOW_KEY)) ?? NO_WINDOW_INFO
}

/** Sets the window's info outside a request (the demo city's seed); a new version as a save would. */
export async function setWindowInfo(
  db: Db,
  tenantId: string,
  info: Omit<WindowInfo, 'version'>,
): Promise<void> {
  const current = await readWindowInfo(db, tenantId)
  await writeSetting(db, tenantId, WINDOW_KEY, { ...info, version: current.version + 1 })
}

function requireAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden()
}

const toWard = (r: { ward: repo.WardRow; hasRecords: boolean }) => ({
  code: r.ward.code,
  name: r.ward.name,
  sortOrder: r.ward.sortOrder,
  active: r.ward.active,
  version: r.ward.version,
  hasRecords: !!r.hasRecords,
})

const toOrgUnit = (r: { unit: repo.UnitRow; hasRecords: boolean }) => ({
  id: r.unit.id,
  kind: r.unit.kind as 'window',
  name: r.unit.name,
  wardCode: r.unit.wardCode,
  sectionCode: r.unit.sectionCode,
  sortOrder: r.unit.sortOrder,
  active: r.unit.active,
  version: r.unit.version,
  hasRecords: !!r.hasRecords,
})

/** The fields that changed, as history rows (values as text; names are not personal data). */
function changes<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: (keyof T & string)[],
) {
  return fields
    .filter((f) => after[f] !== undefined && after[f] !== before[f])
    .map((f) => ({ field: f, before: String(before[f]), after: String(after[f]) }))
}

export function createOrgSettingsService(db: Db, clock: Clock) {
  async function record(
    tx: Db,
    actor: Actor,
    at: Date,
    subject: 'ward' | 'unit',
    key: string,
    diff: { field: string; before: string | null; after: string | null }[],
  ) {
    await repo.insertHistory(
      tx,
      diff.map((d) => ({
        tenantId: actor.tenantId,
        at,
        accountId: actor.accountId,
        subject,
        subjectKey: key,
        ...d,
      })),
    )
  }

  return {
    async get(actor: Actor): Promise<contract.OrgSettings> {
      requireAdmin(actor)
      const t = actor.tenantId
      const [cityName, wards, units, populations, window, text] = await Promise.all([
        findCityName(db, t),
        repo.findAllWards(db, t),
        repo.findAllUnits(db, t),
        repo.findPopulations(db, t),
        readSetting<WindowInfo>(db, t, WINDOW_KEY),
        repo.latestConfidentiality(db, t),
      ])
      return {
        cityName: cityName ?? t,
        wards: wards.map(toWard),
        units: units.map(toOrgUnit),
        populations,
        window: window ?? NO_WINDOW_INFO,
        confidentiality: text
          ? { version: text.version, body: text.body, createdAt: text.createdAt.toISOString() }
          : null,
      }
    },

    async createWard(actor: Actor, body: Body<typeof contract.createWard>) {
      requireAdmin(actor)
      const at = clock.now()
      try {
        return await db.transaction(async (tx) => {
          const ward = await repo.insertWard(tx, { tenantId: actor.tenantId, ...body })
          // A ward comes with its centre (保健福祉センター), which its sections and staff belong to.
          const office = body.name.endsWith('支所') ? body.name : `${body.name}役所`
          await repo.insertUnit(tx, {
            tenantId: actor.tenantId,
            kind: 'ward_centre',
            name: `${office} 保健福祉センター`,
            wardCode: body.code,
            sortOrder: 100 + body.sortOrder * 10,
          })
          await record(tx, actor, at, 'ward', body.code, [
            { field: 'created', before: null, after: body.name },
          ])
          await writeAudit(tx, actor, at, {
            action: 'org.ward_created',
            recordType: 'ward',
            recordId: body.code,
          })
          return toWard({ ward, hasRecords: false })
        })
      } catch (e) {
        if (isUniqueViolation(e))
          throw invalid([{ field: 'code', message: 'この区コードは既に使われています' }])
        throw e
      }
    },

    async updateWard(actor: Actor, code: string, body: Body<typeof contract.updateWard>) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const found = await repo.findWardForChange(tx, actor.tenantId, code)
        if (!found) throw notFound()
        if (found.ward.version !== body.version) throw conflict(STALE)
        const { version: _v, ...fields } = body
        const diff = changes(found.ward, fields, ['name', 'sortOrder', 'active'])
        const ward = await repo.updateWardRow(tx, actor.tenantId, code, {
          ...fields,
          version: found.ward.version + 1,
        })
        await record(tx, actor, at, 'ward', code, diff)
        await writeAudit(tx, actor, at, {
          action: 'org.ward_changed',
          recordType: 'ward',
          recordId: code,
          detail: { fields: diff.map((d) => d.field) },
        })
        return toWard({ ward, hasRecords: found.hasRecords })
      })
    },

    async deleteWard(actor: Actor, code: string) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const found = await repo.findWardForChange(tx, actor.tenantId, code)
        if (!found) throw notFound()
        if (found.hasRecords) throw conflict(WARD_HAS_RECORDS)
        await repo.deleteWardRow(tx, actor.tenantId, code)
        await record(tx, actor, at, 'ward', code, [
          { field: 'deleted', before: found.ward.name, after: null },
        ])
        await writeAudit(tx, actor, at, { action: 'org.ward_deleted', recordType: 'ward', recordId: code })
        return null
      })
    },

    async createUnit(actor: Actor, body: Body<typeof contract.createUnit>) {
      requireAdmin(actor)
      const byWard = body.kind === 'ward_centre' || body.kind === 'ward_section'
      if (byWard && !body.wardCode)
        throw invalid([{ field: 'wardCode', message: '区・支所を選択してください' }])
      const at = clock.now()
      return db.transaction(async (tx) => {
        if (byWard && !(await repo.wardCodesIn(tx, actor.tenantId, [body.wardCode!])).has(body.wardCode!)) {
          throw invalid([{ field: 'wardCode', message: 'この区・支所はありません' }])
        }
        const unit = await repo.insertUnit(tx, {
          tenantId: actor.tenantId,
          kind: body.kind,
          name: body.name,
          wardCode: byWard ? body.wardCode! : null,
          sortOrder: body.sortOrder,
        })
        await record(tx, actor, at, 'unit', unit.id, [{ field: 'created', before: null, after: unit.name }])
        await writeAudit(tx, actor, at, {
          action: 'org.unit_created',
          recordType: 'org_unit',
          recordId: unit.id,
        })
        return toOrgUnit({ unit, hasRecords: false })
      })
    },

    async updateUnit(actor: Actor, id: string, body: Body<typeof contract.updateUnit>) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const found = await repo.findUnitForChange(tx, actor.tenantId, id)
        if (!found) throw notFound()
        if (found.unit.version !== body.version) throw conflict(STALE)
        const { version: _v, ...fields } = body
        const diff = changes(found.unit, fields, ['name', 'sortOrder', 'active'])
        const unit = await repo.updateUnitRow(tx, actor.tenantId, id, {
          ...fields,
          version: found.unit.version + 1,
        })
        await record(tx, actor, at, 'unit', id, diff)
        await writeAudit(tx, actor, at, {
          action: 'org.unit_changed',
          recordType: 'org_unit',
          recordId: id,
          detail: { fields: diff.map((d) => d.field) },
        })
        return toOrgUnit({ unit, hasRecords: found.hasRecords })
      })
    },

    async deleteUnit(actor: Actor, id: string) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const found = await repo.findUnitForChange(tx, actor.tenantId, id)
        if (!found) throw notFound()
        if (found.hasRecords) throw conflict(UNIT_HAS_RECORDS)
        await repo.deleteUnitRow(tx, actor.tenantId, id)
        await record(tx, actor, at, 'unit', id, [{ field: 'deleted', before: found.unit.name, after: null }])
        await writeAudit(tx, actor, at, { action: 'org.unit_deleted', recordType: 'org_unit', recordId: id })
        return null
      })
    },

    async putPopulations(actor: Actor, fiscalYear: number, body: Body<typeof contract.putPopulations>) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const known = await repo.wardCodesIn(
          tx,
          actor.tenantId,
          body.items.map((i) => i.wardCode),
        )
        const seen = new Set<string>()
        const errors = body.items.flatMap((item, i) => {
          const field = `items.${i}.wardCode`
          if (!known.has(item.wardCode)) return [{ field, message: 'この区・支所はありません' }]
          if (seen.has(item.wardCode)) return [{ field, message: '同じ区・支所が2回あります' }]
          seen.add(item.wardCode)
          return []
        })
        if (errors.length > 0) throw invalid(errors)
        await repo.replacePopulations(tx, actor.tenantId, fiscalYear, body.items)
        await writeAudit(tx, actor, at, {
          action: 'org.population_set',
          recordType: 'population',
          recordId: String(fiscalYear),
          detail: { wards: body.items.length },
        })
        return (await repo.findPopulations(tx, actor.tenantId)).filter((p) => p.fiscalYear === fiscalYear)
      })
    },

    async putWindow(actor: Actor, body: Body<typeof contract.putWindowInfo>) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const current = (await readSetting<WindowInfo>(tx, actor.tenantId, WINDOW_KEY)) ?? NO_WINDOW_INFO
        if (current.version !== body.version) throw conflict(STALE)
        const next: WindowInfo = { ...body, version: current.version + 1 }
        await writeSetting(tx, actor.tenantId, WINDOW_KEY, next)
        await writeAudit(tx, actor, at, {
          action: 'org.window_changed',
          recordType: 'setting',
          recordId: WINDOW_KEY,
        })
        return next
      })
    },

    async addConfidentiality(actor: Actor, body: Body<typeof contract.addConfidentialityText>) {
      requireAdmin(actor)
      const at = clock.now()
      return db.transaction(async (tx) => {
        const row = await repo.insertConfidentiality(tx, actor.tenantId, body.body, at, actor.accountId)
        await writeAudit(tx, actor, at, {
          action: 'org.confidentiality_versioned',
          recordType: 'confidentiality_text',
          recordId: String(row.version),
        })
        return { version: row.version, body: row.body, createdAt: row.createdAt.toISOString() }
      })
    },

    async history(actor: Actor) {
      requireAdmin(actor)
      return (await repo.findHistory(db, actor.tenantId)).map((h) => ({
        id: h.id,
        at: h.at.toISOString(),
        subject: h.subject as 'ward' | 'unit',
        subjectKey: h.subjectKey,
        field: h.field,
        before: h.before,
        after: h.after,
      }))
    },
  }
}

export type OrgSettingsService = ReturnType<typeof createOrgSettingsService>
