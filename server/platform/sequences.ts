// Per-city numbering (case numbers, meeting numbers…) shares one counters table and one upsert,
// so every module takes its next number the same way, serialised by the counter row.
import { sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { counters } from '#server/db/schema/index.ts'

/**
 * The next number of a per-city sequence, taken inside the caller's transaction (pass the tx):
 * 1 for a new sequence, otherwise one more than the last; the upsert locks the counter row.
 */
export async function nextCounterValue(db: Db, tenantId: string, name: string): Promise<number> {
  const [row] = await db
    .insert(counters)
    .values({ tenantId, name, value: 1 })
    .onConflictDoUpdate({
      target: [counters.tenantId, counters.name],
      set: { value: sql`${counters.value} + 1` },
    })
    .returning({ value: counters.value })
  return row!.value
}
