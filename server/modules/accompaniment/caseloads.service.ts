import type { Db } from '#server/db/client.ts'
import { orgRecords } from '#server/modules/org/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { invalid } from '#server/platform/errors.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { findWard } from '#shared/codes.ts'
import {
  type CaseloadThresholds,
  DEFAULT_CASELOAD_THRESHOLDS,
  type MyCase,
  type MyCaseMeeting,
  NO_ACTIVITY_DAYS,
} from '#shared/contracts/accompaniment.ts'
import { addDays, daysBetween, tokyoDate } from '#shared/dates.ts'
import { caseloadWardOf, requireCaseloadRole, requireMyCasesRole } from './accompaniment.policy.ts'
import { byAttention, type WorkerFigures, wardsOf, workersOf } from './caseload-figures.ts'
import * as repo from './caseloads.repository.ts'

function myCasesScope(actor: Actor): repo.MyCasesScope {
  requireMyCasesRole(actor)
  if (actor.role === 'accompaniment_worker') return { kind: 'account', accountId: actor.accountId }
  if (actor.role === 'agency_member') return { kind: 'agency', unitId: actor.unitId }
  const ward = actor.wardCode!
  return actor.role === 'ward_staff'
    ? { kind: 'ward_units', ward, units: 'own', unitId: actor.unitId }
    : { kind: 'ward_units', ward, units: 'centre' }
}

/** The city's thresholds: each role's stored value, or the default until one is set. */
async function readThresholds(db: Db, tenantId: string): Promise<CaseloadThresholds> {
  const stored = await readSetting<Partial<CaseloadThresholds>>(db, tenantId, 'caseloadThresholds')
  return { ...DEFAULT_CASELOAD_THRESHOLDS, ...(stored ?? {}) }
}

export function createCaseloadsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async listMyCases(actor: Actor) {
      const scope = myCasesScope(actor)
      const today = tokyoDate(clock.now())
      return db.transaction(async (tx) => {
        const rows = await repo.findMyCases(tx, actor.tenantId, scope)
        await writeAudit(tx, actor, clock.now(), {
          action: 'my_cases.list',
          detail: { count: rows.length },
        })
        const items: MyCase[] = rows.map((r) => {
          const days = daysBetween(r.inactiveSince, today)
          return {
            id: r.id,
            caseNo: r.caseNo,
            name: r.name,
            ageBand: r.ageBand as MyCase['ageBand'],
            ward: r.ward,
            lead: r.lead as MyCase['lead'],
            leadUnitName: r.leadUnitName,
            leadAccountName: r.leadAccountName,
            relation: r.isLead ? 'lead' : 'assigned',
            nextReviewOn: r.nextReviewOn,
            reviewOverdue: r.nextReviewOn !== null && r.nextReviewOn < today,
            lastActivityOn: r.lastActivityOn,
            inactiveSince: r.inactiveSince,
            daysWithoutActivity: days,
            noRecentActivity: days >= NO_ACTIVITY_DAYS,
          }
        })
        return { today, noActivityDays: NO_ACTIVITY_DAYS, items }
      })
    },

    /** The meetings ahead where the caller's cases are discussed: only those cases are named. */
    async listMyCaseMeetings(actor: Actor) {
      const scope = myCasesScope(actor)
      const today = tokyoDate(clock.now())
      return db.transaction(async (tx) => {
        const rows = await repo.findMyCaseMeetings(tx, actor.tenantId, scope, today)
        const items = new Map<string, MyCaseMeeting>()
        for (const r of rows) {
          const m = items.get(r.meetingId) ?? {
            meetingId: r.meetingId,
            heldOn: r.heldOn,
            startTime: r.startTime,
            place: r.place,
            wardName: r.wardName,
            cases: [],
          }
          m.cases.push({ id: r.caseId, caseNo: r.caseNo, name: r.name })
          items.set(r.meetingId, m)
        }
        await writeAudit(tx, actor, clock.now(), {
          action: 'my_cases.meetings',
          detail: { meetings: items.size, cases: rows.length },
        })
        return { today, items: [...items.values()] }
      })
    },

    async caseloads(actor: Actor, query: { ward?: string | undefined }) {
      requireCaseloadRole(actor)
      const today = tokyoDate(clock.now())
      const cutoff = addDays(today, -NO_ACTIVITY_DAYS)
      return db.transaction(async (tx) => {
        const allWards = await orgRecords.wards(tx, actor.tenantId)
        const { ward } = caseloadWardOf(actor, resolveWard(query.ward, allWards))
        const thresholds = await readThresholds(tx, actor.tenantId)
        const counts = await repo.countLedCases(tx, actor.tenantId, today, cutoff)
        const workers = workersOf(counts, ward, thresholds)
        await nameWorkers(tx, actor.tenantId, workers)
        const wards = wardsOf(
          counts,
          workers,
          allWards.filter((w) => !ward || w.code === ward),
        )
        await writeAudit(tx, actor, clock.now(), {
          action: 'caseloads.view',
          detail: { ward, workers: workers.length },
        })
        return {
          today,
          ward,
          noActivityDays: NO_ACTIVITY_DAYS,
          thresholds,
          workers: workers.sort(byAttention).map(({ lead: _lead, wards: _wards, ...w }) => w),
          wards,
        }
      })
    },
  }
}

/** A ward asked for by code or name; 400 when the city has no such ward. */
function resolveWard(input: string | undefined, wards: { code: string }[]): string | undefined {
  if (!input) return undefined
  const code = findWard(input) ?? input.toLowerCase()
  if (!wards.some((w) => w.code === code)) {
    throw invalid([{ field: 'ward', message: '区が見つかりません。一覧から選択してください' }])
  }
  return code
}

/** Accompaniment workers by their account's name, sections and agencies by their unit's. */
async function nameWorkers(db: Db, tenantId: string, workers: WorkerFigures[]) {
  const named = workers.filter((w) => w.id !== null)
  const accountIds = named.filter((w) => w.lead === 'accompaniment').map((w) => w.id!)
  const unitIds = named.filter((w) => w.lead !== 'accompaniment').map((w) => w.id!)
  const accounts = new Map((await repo.findAccountNames(db, tenantId, accountIds)).map((a) => [a.id, a.name]))
  const units = new Map((await orgRecords.unitsByIds(db, tenantId, unitIds)).map((u) => [u.id, u]))
  for (const w of named) {
    const unit = w.lead === 'accompaniment' ? undefined : units.get(w.id!)
    w.name = (unit ? unit.name : accounts.get(w.id!)) ?? w.name
    w.ward = unit?.wardCode ?? null
  }
}

export type CaseloadsService = ReturnType<typeof createCaseloadsService>
