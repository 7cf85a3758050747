import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { inquiryTemplates } from '#server/db/schema/index.ts'

const tt = inquiryTemplates

export async function findTemplates(db: Db, tenantId: string, includeInactive: boolean) {
  return db
    .select()
    .from(tt)
    .where(and(eq(tt.tenantId, tenantId), includeInactive ? undefined : eq(tt.active, true)))
    .orderBy(asc(tt.sortOrder), asc(tt.title), asc(tt.id))
}

export async function findTemplate(db: Db, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(tt)
    .where(and(eq(tt.tenantId, tenantId), eq(tt.id, id)))
  return row
}

export async function insertTemplate(db: Db, values: Omit<typeof tt.$inferInsert, 'id'>) {
  const [row] = await db.insert(tt).values(values).returning()
  return row!
}

export async function updateTemplate(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<Pick<typeof tt.$inferInsert, 'title' | 'body' | 'sortOrder' | 'active' | 'updatedAt'>>,
) {
  const [row] = await db
    .update(tt)
    .set(values)
    .where(and(eq(tt.tenantId, tenantId), eq(tt.id, id)))
    .returning()
  return row
}
