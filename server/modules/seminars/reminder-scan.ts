// The reminder the day before (issue 12): once per registration, on the day before the seminar
// (Tokyo), a confirmed family with a mail address is sent the fixed seminar_reminder text. The
// registrations are marked in the same statement that finds them, so two workers cannot both
// queue one. A family without an address (or a city without SMTP) is shown to the organiser as
// one to call (the registration's `callToRemind`).
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { seminarRegistrations } from '#server/db/schema/index.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import type { Clock } from '#server/platform/clock.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { addDays, tokyoDate } from '#shared/dates.ts'

/** Queues seminar_reminder for tomorrow's confirmed registrations with an address; returns how many. */
export function enqueueSeminarReminders({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  return withTenant(ALL_CITIES, () =>
    db.transaction(async (tx) => {
      const now = clock.now()
      const tomorrow = addDays(tokyoDate(now), 1)
      const marked = await tx
        .update(seminarRegistrations)
        .set({ remindedAt: now })
        .where(
          and(
            eq(seminarRegistrations.status, 'confirmed'),
            isNull(seminarRegistrations.remindedAt),
            isNotNull(seminarRegistrations.email),
            sql`(${seminarRegistrations.tenantId}, ${seminarRegistrations.seminarId}) in
              (select s.tenant_id, s.id from seminars s where s.held_on = ${tomorrow})`,
          ),
        )
        .returning({ tenantId: seminarRegistrations.tenantId, email: seminarRegistrations.email })
      for (const r of marked) {
        await enqueueMail(tx, {
          tenantId: r.tenantId,
          kind: 'seminar_reminder',
          toAddress: r.email!,
          threadId: null,
          now,
        })
      }
      return marked.length
    }),
  )
}
