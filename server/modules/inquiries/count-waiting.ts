// A resident's message to a thread that belongs to a case counts as a メール contact (表3). The
// resident's side counts it at once — except behind `npm run public`, whose database role may not
// write contacts or read cases (server/db/public-role.ts): there the message is stored uncounted,
// and a staff reply would count it later, if one came. The staff server's schedule
// (retention-schedule.ts) runs this to count such messages within minutes, reply or not. The
// contact is dated when the message was written, so the report's periods do not move.
import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { ALL_CITIES, withTenant } from '#server/db/tenant-scope.ts'
import type { Clock } from '#server/platform/clock.ts'
import { countResidentMessage } from './case-link.ts'
import { findThread } from './inbox.repository.ts'

/** Threads handled per run; the next run takes the rest. */
const THREADS_PER_RUN = 500

/** Counts the waiting messages of every city's linked threads; returns how many became contacts. */
export async function countWaitingResidentMessages(db: Db, clock: Clock): Promise<number> {
  return withTenant(ALL_CITIES, async () => {
    const waiting = await db
      .selectDistinct({ tenantId: inquiryMessages.tenantId, threadId: inquiryMessages.threadId })
      .from(inquiryMessages)
      .innerJoin(
        inquiryThreads,
        and(
          eq(inquiryThreads.tenantId, inquiryMessages.tenantId),
          eq(inquiryThreads.id, inquiryMessages.threadId),
        ),
      )
      .where(
        and(
          isNull(inquiryMessages.contactId),
          isNotNull(inquiryThreads.caseId),
          eq(inquiryThreads.spam, false),
        ),
      )
      .limit(THREADS_PER_RUN)
    let counted = 0
    for (const { tenantId, threadId } of waiting) {
      counted += await db.transaction(async (tx) => {
        // The thread's lock, as a staff reply and a resident's message take it: whoever comes
        // second finds the messages counted, so none becomes two contacts.
        await findThread(tx, tenantId, threadId, true)
        return countResidentMessage(tx, { tenantId, threadId, clientAddress: 'system', now: clock.now() })
      })
    }
    return counted
  })
}
