import type { z } from 'zod'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/inquiries.ts'
import { requireCountsRole, requireInboxRole, worksInbox } from './inbox.policy.ts'
import * as repo from './inbox.repository.ts'
import { toInboxItem } from './inquiries.dto.ts'
import {
  lockThread,
  overdueCutoff,
  overdueHoursOf,
  requireWorkable,
  THREAD_REFUSALS,
  threadView,
} from './thread-access.ts'

type ListQuery = z.output<NonNullable<typeof contract.listInquiries.query>>

export const CLAIMED_BY_OTHER = (name: string) => `${name}さんが既に担当しています`
export const NOT_CLAIMED = 'この相談には担当者がいません'
export const ALREADY_CLOSED = 'この相談は既に終了しています'
export const ALREADY_OPEN = 'この相談は終了していません'

/** The window's inbox: lists, one thread, and the state changes that are not replies or case links. */
export function createInboxService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  /** A change on a locked thread, audited, answered with the thread as it now is. */
  async function change(
    actor: Actor,
    id: string,
    action: string,
    apply: (tx: typeof db, row: repo.ThreadRow, now: Date) => Promise<Record<string, unknown> | undefined>,
  ) {
    requireInboxRole(actor)
    const now = clock.now()
    return db.transaction(async (tx) => {
      const row = await lockThread(tx, actor, id)
      const detail = await apply(tx, row, now)
      await writeAudit(tx, actor, now, {
        action: `inquiry.${action}`,
        recordType: 'inquiry',
        recordId: id,
        ...(detail ? { detail } : {}),
      })
      return threadView(tx, actor, id, now)
    })
  }

  return {
    async list(actor: Actor, q: ListQuery) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const overdueHours = await overdueHoursOf(tx, actor.tenantId)
        const cutoff = await overdueCutoff(tx, actor.tenantId, now)
        const rows = await repo.findThreads(tx, actor.tenantId, { ...q, accountId: actor.accountId, cutoff })
        const counts = await repo.countThreads(tx, actor.tenantId, actor.accountId, cutoff)
        await writeAudit(tx, actor, now, {
          action: 'inquiry.list',
          detail: { filter: q.filter, page: q.page, count: rows.length },
        })
        return {
          items: rows.map((r) => toInboxItem(r, cutoff)),
          total: counts[q.filter],
          page: q.page,
          pageSize: q.pageSize,
          counts,
          overdueHours,
        }
      })
    },

    /** Aggregates only (no thread is revealed), so headquarters may see them and nothing is audited. */
    async counts(actor: Actor) {
      requireCountsRole(actor)
      const cutoff = await overdueCutoff(db, actor.tenantId, clock.now())
      const counts = await repo.countThreads(db, actor.tenantId, actor.accountId, cutoff)
      return {
        new: counts.new,
        urgent: counts.urgent,
        overdue: counts.overdue,
        mine: worksInbox(actor) ? counts.mine : 0,
      }
    },

    /** Reading a thread is reading personal data: audited, like a case. */
    async detail(actor: Actor, id: string) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const view = await threadView(tx, actor, id, now)
        await writeAudit(tx, actor, now, { action: 'inquiry.read', recordType: 'inquiry', recordId: id })
        return view
      })
    },

    /**
     * 担当する: the claim is one conditional UPDATE (repository), so two counsellors claiming at
     * once cannot both win; the loser hears who has it. Claiming one's own thread again is a no-op.
     */
    async claim(actor: Actor, id: string) {
      requireInboxRole(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const won = await repo.claimIfFree(tx, actor.tenantId, id, actor.accountId, now)
        if (!won) {
          const row = await repo.findThread(tx, actor.tenantId, id)
          if (!row) throw refused('inquiry', id)
          if (row.claimedBy && row.claimedBy !== actor.accountId) {
            throw conflict(CLAIMED_BY_OTHER(row.claimedByName ?? '他の職員'))
          }
          if (!row.claimedBy) {
            requireWorkable(row)
            // Free and workable, yet not claimed: released and taken again meanwhile.
            throw conflict('他の操作と競合しました。もう一度お試しください')
          }
        }
        await writeAudit(tx, actor, now, {
          action: 'inquiry.claim',
          recordType: 'inquiry',
          recordId: id,
          detail: { changed: won },
        })
        return threadView(tx, actor, id, now)
      })
    },

    /** 担当を外す: any counsellor of the window may, so a thread never waits on someone away. */
    release: (actor: Actor, id: string) =>
      change(actor, id, 'release', async (tx, row) => {
        if (!row.claimedBy) throw conflict(NOT_CLAIMED)
        await repo.updateThread(tx, actor.tenantId, id, { claimedBy: null, claimedAt: null })
        return { previous: row.claimedBy }
      }),

    /** Spam is kept (hidden, never counted); a thread that already counts for a case cannot be spam. */
    markSpam: (actor: Actor, id: string, spam: boolean) =>
      change(actor, id, spam ? 'spam' : 'not_spam', async (tx, row) => {
        if (spam && row.caseId) throw conflict(THREAD_REFUSALS.linkedSpam)
        if (row.spam !== spam) await repo.updateThread(tx, actor.tenantId, id, { spam })
        return { changed: row.spam !== spam }
      }),

    close: (actor: Actor, id: string) =>
      change(actor, id, 'close', async (tx, row, now) => {
        if (row.status === 'closed') throw conflict(ALREADY_CLOSED)
        await repo.updateThread(tx, actor.tenantId, id, { status: 'closed', closedAt: now })
        return undefined
      }),

    reopen: (actor: Actor, id: string) =>
      change(actor, id, 'reopen', async (tx, row) => {
        if (row.status !== 'closed') throw conflict(ALREADY_OPEN)
        if (row.textRemovedAt) throw conflict('本文を消去した相談は再開できません')
        await repo.updateThread(tx, actor.tenantId, id, { status: 'open', closedAt: null })
        return undefined
      }),
  }
}

export type InboxService = ReturnType<typeof createInboxService>
