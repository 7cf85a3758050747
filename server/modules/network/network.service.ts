import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, notFound } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/network.ts'
import { tokyoDate } from '#shared/dates.ts'
import { toMeetingDetail, toMeetingSummary } from './network.dto.ts'
import { requireNetworkReader, requireScheduler } from './network.policy.ts'
import * as repo from './network.repository.ts'

type ListQuery = z.output<NonNullable<typeof contract.listNetworkMeetings.query>>
type CreateInput = z.output<NonNullable<typeof contract.createNetworkMeeting.body>>
type UpdateInput = z.output<NonNullable<typeof contract.updateNetworkMeeting.body>>

const MEETING_FIELDS = ['kind', 'title', 'heldOn', 'startTime', 'place', 'note'] as const

/** City-wide meetings: every ward's staff reads them, headquarters schedules them. */
export function createNetworkService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function detail(tx: typeof db, actor: Actor, id: string) {
    const meeting = await repo.findMeeting(tx, actor.tenantId, id)
    if (!meeting) throw notFound()
    const shares = await repo.findSharesOfMeeting(tx, actor.tenantId, id)
    return toMeetingDetail(meeting, shares, actor, tokyoDate(clock.now()))
  }

  return {
    /** Meetings hold no personal data and their list shows no share, so it is not audited. */
    async list(actor: Actor, query: ListQuery) {
      requireNetworkReader(actor)
      const { rows, total } = await repo.findMeetings(db, actor.tenantId, {
        when: query.when,
        today: tokyoDate(clock.now()),
        page: query.page,
        pageSize: query.pageSize,
      })
      return { items: rows.map(toMeetingSummary), total, page: query.page, pageSize: query.pageSize }
    },

    /** The shares are anonymised, yet drawn from case records: who read them is kept. */
    async get(actor: Actor, id: string) {
      requireNetworkReader(actor)
      return db.transaction(async (tx) => {
        const result = await detail(tx, actor, id)
        await writeAudit(tx, actor, clock.now(), {
          action: 'network_meeting.read',
          recordType: 'network_meeting',
          recordId: id,
          detail: { shares: result.shares.length },
        })
        return result
      })
    },

    async create(actor: Actor, input: CreateInput) {
      requireScheduler(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const row = await repo.insertMeeting(tx, {
          tenantId: actor.tenantId,
          ...input,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        })
        await writeAudit(tx, actor, now, {
          action: 'network_meeting.create',
          recordType: 'network_meeting',
          recordId: row.id,
          detail: { kind: row.kind, heldOn: row.heldOn },
        })
        return detail(tx, actor, row.id)
      })
    },

    async update(actor: Actor, id: string, input: UpdateInput) {
      requireScheduler(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await repo.findMeeting(tx, actor.tenantId, id)
        if (!before) throw notFound()
        const values = Object.fromEntries(
          MEETING_FIELDS.filter((f) => input[f] !== undefined && input[f] !== before[f]).map((f) => [
            f,
            input[f],
          ]),
        ) as Partial<repo.NetworkMeetingRow>
        if (values.kind && values.kind !== 'case_study' && before.shareCount > 0) {
          throw conflict('ケースが共有されている支援ミーティングは、会議の種類を変更できません')
        }
        const fields = Object.keys(values)
        if (fields.length > 0)
          await repo.updateMeetingRow(tx, actor.tenantId, id, { ...values, updatedAt: now })
        await writeAudit(tx, actor, now, {
          action: 'network_meeting.update',
          recordType: 'network_meeting',
          recordId: id,
          detail: { fields },
        })
        return detail(tx, actor, id)
      })
    },

    /** Only a meeting nobody shared a case to: withdrawing shares is their sharers' decision. */
    async remove(actor: Actor, id: string) {
      requireScheduler(actor)
      const now = clock.now()
      await db.transaction(async (tx) => {
        const meeting = await repo.findMeeting(tx, actor.tenantId, id)
        if (!meeting) throw notFound()
        if (meeting.shareCount > 0) {
          throw conflict('ケースが共有されている会議は削除できません。共有したケースを先に取り下げてください')
        }
        await repo.deleteMeetingRow(tx, actor.tenantId, id)
        await writeAudit(tx, actor, now, {
          action: 'network_meeting.delete',
          recordType: 'network_meeting',
          recordId: id,
          detail: { kind: meeting.kind, heldOn: meeting.heldOn },
        })
      })
      return null
    },
  }
}

export type NetworkService = ReturnType<typeof createNetworkService>
