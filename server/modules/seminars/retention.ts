// Retention of what families gave (issue 12): once the city's retention days have passed since a
// seminar was held, its registrations lose the name, mail address, phone and note; the rows stay
// with how many came, the needs' flags, the status and the attendance, which the report counts.
// Each registration cleared is audited with its id and counts only, as the web consultation's
// retention does (server/modules/inquiries/retention.ts).
//
// Safe to run twice at once: each batch claims its rows with FOR UPDATE SKIP LOCKED and a
// condition (personal_data_removed_at is null) that the batch itself falsifies.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { seminarRegistrations, tenants } from '#server/db/schema/index.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import { writeAnonymousAudit } from '#server/platform/audit.ts'
import type { Clock } from '#server/platform/clock.ts'
import { readSetting } from '#server/platform/settings-store.ts'
import { addDays, tokyoDate } from '#shared/dates.ts'
import { SEMINAR_RETENTION_KEY, seminarRetentionDaysOf } from '#shared/seminar-settings.ts'

export { SEMINAR_RETENTION_DEFAULT_DAYS, SEMINAR_RETENTION_KEY } from '#shared/seminar-settings.ts'

const BATCH = 200

/** Who the audit rows name: the server's own schedule, or the operator's command. */
export type RetentionRunner = 'system' | 'cli'

/** Every city; returns how many registrations were cleared. */
export function runSeminarRetention(db: Db, clock: Clock, runner: RetentionRunner = 'system') {
  return withTenant(ALL_CITIES, async () => {
    const now = clock.now()
    const cities = await db.select({ id: tenants.id }).from(tenants).orderBy(tenants.id)
    let cleared = 0
    for (const city of cities) cleared += await retainCity(db, city.id, now, runner)
    return cleared
  })
}

export async function retainCity(db: Db, tenantId: string, now: Date, runner: RetentionRunner) {
  const days = await retentionDays(db, tenantId)
  // Held before this date (Tokyo): the retention days have passed.
  const heldBefore = addDays(tokyoDate(now), -days)
  const who = { loginId: runner, accountId: null, clientAddress: runner }
  let cleared = 0
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: seminarRegistrations.id })
        .from(seminarRegistrations)
        .where(
          and(
            eq(seminarRegistrations.tenantId, tenantId),
            isNull(seminarRegistrations.personalDataRemovedAt),
            sql`(${seminarRegistrations.tenantId}, ${seminarRegistrations.seminarId}) in
              (select s.tenant_id, s.id from seminars s where s.held_on < ${heldBefore})`,
          ),
        )
        .limit(BATCH)
        .for('update', { skipLocked: true })
      const rows = await tx
        .update(seminarRegistrations)
        .set({ personalDataRemovedAt: now, name: '', email: null, phone: null, needsNote: null })
        .where(and(eq(seminarRegistrations.tenantId, tenantId), inArray(seminarRegistrations.id, due)))
        .returning({ id: seminarRegistrations.id, seminarId: seminarRegistrations.seminarId })
      for (const row of rows) {
        await writeAnonymousAudit(tx, tenantId, now, who, {
          action: 'seminar_registration.personal_data_removed',
          recordType: 'seminar_registration',
          recordId: row.id,
          detail: { seminarId: row.seminarId, retentionDays: days },
        })
      }
      return rows.length
    })
    cleared += n
    if (n < BATCH) break
  }
  return cleared
}

/** Whole days from the city's settings; the default when unset or not a positive integer. */
async function retentionDays(db: Db, tenantId: string): Promise<number> {
  return seminarRetentionDaysOf(await readSetting(db, tenantId, SEMINAR_RETENTION_KEY))
}
