// What every use case on one thread does first and last: find it in the caller's city (404 and a
// refusal in the audit log otherwise), and answer with the thread as it now is.
import type { Db } from '#server/db/client.ts'
import type { Actor } from '#server/platform/actor.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import type { InquiryThread } from '#shared/contracts/inquiries.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'
import * as repo from './inbox.repository.ts'
import { toThread } from './inquiries.dto.ts'

export async function overdueHoursOf(db: Db, tenantId: string): Promise<number> {
  return (
    (await readSetting<number>(db, tenantId, INQUIRY_SETTING_KEYS.overdueHours)) ??
    INQUIRY_SETTING_DEFAULTS.overdueHours
  )
}

/** The instant before which a waiting message is overdue. */
export async function overdueCutoff(db: Db, tenantId: string, now: Date): Promise<Date> {
  return new Date(now.getTime() - (await overdueHoursOf(db, tenantId)) * 3_600_000)
}

/** The thread, locked for the change that follows; 404 (audited as refused) outside the city. */
export async function lockThread(tx: Db, actor: Actor, id: string): Promise<repo.ThreadRow> {
  const row = await repo.findThread(tx, actor.tenantId, id, true)
  if (!row) throw refused('inquiry', id)
  return row
}

export async function threadView(tx: Db, actor: Actor, id: string, now: Date): Promise<InquiryThread> {
  const row = await repo.findThread(tx, actor.tenantId, id)
  if (!row) throw refused('inquiry', id)
  const messages = await repo.findMessages(tx, actor.tenantId, id)
  return toThread(row, messages, await overdueCutoff(tx, actor.tenantId, now))
}

export const THREAD_REFUSALS = {
  spam: '迷惑として扱っている相談です。迷惑の扱いを解除してから操作してください。',
  closed: '終了した相談です。再開してから操作してください。',
  linked: 'この相談は既にケースに結び付いています',
  linkedSpam: 'ケースに結び付いた相談は迷惑として扱えません',
} as const

/** Work on a thread (reply, claim, link) needs it open and not spam. */
export function requireWorkable(row: repo.ThreadRow) {
  if (row.spam) throw conflict(THREAD_REFUSALS.spam)
  if (row.status !== 'open') throw conflict(THREAD_REFUSALS.closed)
}
