import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { notFound } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/seminars.ts'
import { tokyoDate } from '#shared/dates.ts'
import { waitlistPositions } from './seats.ts'
import { toRegistration, toSeminarDetail, toSeminarSummary } from './seminars.dto.ts'
import { managesSeminar, organiserWardOf, requireSeminarReader } from './seminars.policy.ts'
import * as repo from './seminars.repository.ts'

type ListQuery = z.output<NonNullable<typeof contract.listSeminars.query>>
type CreateInput = z.output<NonNullable<typeof contract.createSeminar.body>>

/** Staff's side: schedule, see who registered (the organiser only), record attendance. */
export function createSeminarsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function detail(tx: typeof db, actor: Actor, id: string) {
    const seminar = await repo.findSeminar(tx, actor.tenantId, id)
    if (!seminar) throw notFound()
    if (!managesSeminar(actor, seminar)) return { seminar, result: toSeminarDetail(seminar, null) }
    const rows = await repo.registrationsOf(tx, actor.tenantId, id)
    const positions = waitlistPositions(rows)
    const today = tokyoDate(clock.now())
    const registrations = rows.map((r) => toRegistration(r, positions.get(r.id) ?? null, seminar, today))
    return { seminar, result: toSeminarDetail(seminar, registrations) }
  }

  return {
    /** The list holds no family's data (counts only), so it is not audited. */
    async list(actor: Actor, query: ListQuery) {
      requireSeminarReader(actor)
      const { rows, total } = await repo.findSeminars(db, actor.tenantId, {
        when: query.when,
        today: tokyoDate(clock.now()),
        page: query.page,
        pageSize: query.pageSize,
      })
      return { items: rows.map(toSeminarSummary), total, page: query.page, pageSize: query.pageSize }
    },

    /** The organiser reads the families' registrations: audited, with how many it saw. */
    async get(actor: Actor, id: string) {
      requireSeminarReader(actor)
      return db.transaction(async (tx) => {
        const { result } = await detail(tx, actor, id)
        if (result.access.canManage) {
          await writeAudit(tx, actor, clock.now(), {
            action: 'seminar.read',
            recordType: 'seminar',
            recordId: id,
            detail: { registrations: result.registrations.length },
          })
        }
        return result
      })
    },

    async create(actor: Actor, input: CreateInput) {
      const ward = organiserWardOf(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await repo.insertSeminar(tx, {
          tenantId: actor.tenantId,
          ...input,
          ward,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        })
        await writeAudit(tx, actor, now, {
          action: 'seminar.create',
          recordType: 'seminar',
          recordId: row.id,
          detail: { kind: row.kind, heldOn: row.heldOn, capacity: row.capacity },
        })
        return (await detail(tx, actor, row.id)).result
      })
    },

    async recordAttendance(actor: Actor, id: string, registrationId: string, attended: boolean | null) {
      requireSeminarReader(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const seminar = await repo.findSeminar(tx, actor.tenantId, id)
        // Another ward's seminar answers as if it did not exist: its registrations are not the caller's.
        if (!seminar || !managesSeminar(actor, seminar)) throw notFound()
        const before = await repo.findRegistration(tx, actor.tenantId, id, registrationId)
        if (!before) throw notFound()
        const row = await repo.updateRegistration(tx, actor.tenantId, registrationId, { attended })
        await writeAudit(tx, actor, now, {
          action: 'seminar_registration.attendance',
          recordType: 'seminar_registration',
          recordId: registrationId,
          detail: { seminarId: id, attended },
        })
        const positions = waitlistPositions(await repo.registrationsOf(tx, actor.tenantId, id))
        return toRegistration(row, positions.get(row.id) ?? null, seminar, tokyoDate(now))
      })
    },
  }
}

export type SeminarsService = ReturnType<typeof createSeminarsService>
