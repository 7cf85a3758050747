// Tells opted-in staff once when a resident's message has waited longer than the city's overdue
// hours (shared/inquiry-settings.ts). The thread is marked in the same statement that finds it, so
// two workers cannot both queue the notice; a later wait (the resident writes again after a
// reply) may be told again.
import { and, eq, isNotNull, isNull, lt, lte, or } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryThreads } from '#server/db/schema/index.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import type { Clock } from '#server/platform/clock.ts'
import { enqueueStaffNotices } from '#server/platform/mail-outbox.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { INQUIRY_SETTING_DEFAULTS, INQUIRY_SETTING_KEYS } from '#shared/inquiry-settings.ts'

/** Waiting, and not yet told for this wait. */
const untold = and(
  eq(inquiryThreads.status, 'open'),
  eq(inquiryThreads.spam, false),
  isNotNull(inquiryThreads.awaitingSince),
  or(
    isNull(inquiryThreads.overdueNotifiedAt),
    lt(inquiryThreads.overdueNotifiedAt, inquiryThreads.awaitingSince),
  ),
)

export async function overdueHoursOf(db: Db, tenantId: string): Promise<number> {
  const stored = await readSetting<unknown>(db, tenantId, INQUIRY_SETTING_KEYS.overdueHours)
  return typeof stored === 'number' && stored > 0 ? stored : INQUIRY_SETTING_DEFAULTS.overdueHours
}

/** Queues staff_overdue for every thread that became overdue; returns how many threads. */
export function enqueueOverdueNotices({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  return withTenant(ALL_CITIES, async () => {
    const now = clock.now()
    const cities = await db
      .selectDistinct({ tenantId: inquiryThreads.tenantId })
      .from(inquiryThreads)
      .where(untold)
    let threads = 0
    for (const { tenantId } of cities) {
      const cutoff = new Date(now.getTime() - (await overdueHoursOf(db, tenantId)) * 3_600_000)
      threads += await db.transaction(async (tx) => {
        const overdue = await tx
          .update(inquiryThreads)
          .set({ overdueNotifiedAt: now })
          .where(
            and(eq(inquiryThreads.tenantId, tenantId), untold, lte(inquiryThreads.awaitingSince, cutoff)),
          )
          .returning({ id: inquiryThreads.id })
        for (const { id } of overdue) {
          await enqueueStaffNotices(tx, { tenantId, kind: 'staff_overdue', threadId: id, now })
        }
        return overdue.length
      })
    }
    return threads
  })
}
