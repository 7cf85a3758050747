// The city's settings (settings table: one JSON value per key) are read by several modules (the
// work list, meetings, caseloads) and written by the administrator's settings page: one place for
// the queries, while each caller keeps its own default and validation of the value.
import { and, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { settings } from '#server/db/schema/index.ts'

/** The stored value of one of the city's settings, undefined until it is set. Pass the tx if in one. */
export async function readSetting<T = unknown>(
  db: Db,
  tenantId: string,
  key: string,
): Promise<T | undefined> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.tenantId, tenantId), eq(settings.key, key)))
  return row?.value as T | undefined
}

/** Sets (or replaces) one of the city's settings. */
export async function writeSetting(db: Db, tenantId: string, key: string, value: unknown): Promise<void> {
  await db
    .insert(settings)
    .values({ tenantId, key, value })
    .onConflictDoUpdate({ target: [settings.tenantId, settings.key], set: { value } })
}
