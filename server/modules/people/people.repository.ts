import { and, asc, count, eq, inArray, max } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { casePeople, casePersonPhones, contacts } from '#server/db/schema/index.ts'

export type PersonRow = typeof casePeople.$inferSelect
export type PhoneRow = typeof casePersonPhones.$inferSelect
export type PersonValues = Omit<
  typeof casePeople.$inferInsert,
  'tenantId' | 'id' | 'caseId' | 'personNo' | 'createdAt' | 'updatedAt' | 'version'
>
export interface PhoneValues {
  label: string | null
  number: string
  digits: string
}

/** A person with their phones in the order staff entered them. */
export interface PersonView {
  row: PersonRow
  phones: PhoneRow[]
}

async function withPhones(db: Db, tenantId: string, rows: PersonRow[]): Promise<PersonView[]> {
  if (rows.length === 0) return []
  const phones = await db
    .select()
    .from(casePersonPhones)
    .where(
      and(
        eq(casePersonPhones.tenantId, tenantId),
        inArray(
          casePersonPhones.personId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(casePersonPhones.position))
  return rows.map((row) => ({ row, phones: phones.filter((p) => p.personId === row.id) }))
}

export async function findPeopleOfCase(db: Db, tenantId: string, caseId: string): Promise<PersonView[]> {
  const rows = await db
    .select()
    .from(casePeople)
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.caseId, caseId)))
    .orderBy(asc(casePeople.personNo))
  return withPhones(db, tenantId, rows)
}

/** Only the names of a case's people, for checks that must not let them through (anonymised summaries). */
export async function findNamesOfCase(db: Db, tenantId: string, caseId: string) {
  return db
    .select({ name: casePeople.name, kana: casePeople.kana })
    .from(casePeople)
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.caseId, caseId)))
}

export async function findPerson(
  db: Db,
  tenantId: string,
  caseId: string,
  id: string,
): Promise<PersonView | undefined> {
  const rows = await db
    .select()
    .from(casePeople)
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.caseId, caseId), eq(casePeople.id, id)))
  const [view] = await withPhones(db, tenantId, rows)
  return view
}

/**
 * The next number within the case. Callers hold the case row's lock (or created the case in the
 * same transaction), so two additions cannot take the same number; the unique index backs it.
 */
export async function nextPersonNo(db: Db, tenantId: string, caseId: string): Promise<number> {
  const [row] = await db
    .select({ last: max(casePeople.personNo) })
    .from(casePeople)
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.caseId, caseId)))
  return (row?.last ?? 0) + 1
}

export async function insertPerson(db: Db, values: typeof casePeople.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(casePeople).values(values).returning()
  return row!
}

/** Applies a change made on `version`; undefined when someone else changed the person first. */
export async function updatePersonRow(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  values: Partial<typeof casePeople.$inferInsert>,
): Promise<PersonRow | undefined> {
  const [row] = await db
    .update(casePeople)
    .set({ ...values, version: version + 1 })
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.id, id), eq(casePeople.version, version)))
    .returning()
  return row
}

/** Replaces a person's phones with the list given, in its order. */
export async function replacePhones(
  db: Db,
  tenantId: string,
  caseId: string,
  personId: string,
  phones: readonly PhoneValues[],
): Promise<void> {
  await db
    .delete(casePersonPhones)
    .where(and(eq(casePersonPhones.tenantId, tenantId), eq(casePersonPhones.personId, personId)))
  if (phones.length === 0) return
  await db
    .insert(casePersonPhones)
    .values(phones.map((p, position) => ({ tenantId, caseId, personId, position, ...p })))
}

export async function countContactsNaming(db: Db, tenantId: string, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.personId, personId)))
  return row?.n ?? 0
}

/** Deletes a person made on `version` with their phones; false when the version is stale. */
export async function deletePersonRow(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
): Promise<boolean> {
  await db
    .delete(casePersonPhones)
    .where(and(eq(casePersonPhones.tenantId, tenantId), eq(casePersonPhones.personId, id)))
  const deleted = await db
    .delete(casePeople)
    .where(and(eq(casePeople.tenantId, tenantId), eq(casePeople.id, id), eq(casePeople.version, version)))
    .returning({ id: casePeople.id })
  return deleted.length > 0
}
