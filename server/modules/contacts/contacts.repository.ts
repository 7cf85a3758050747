import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { accounts, casePeople, contacts } from '#server/db/schema/index.ts'

export type ContactRow = typeof contacts.$inferSelect
/** A contact with its staff member's name and the name and 続柄 of the person it was with. */
export type ContactView = ContactRow & {
  accountName: string | null
  personName: string | null
  personRelationship: string | null
}

function selectContactViews(db: Db) {
  return db
    .select({
      contact: contacts,
      accountName: accounts.name,
      personName: casePeople.name,
      personRelationship: casePeople.relationship,
    })
    .from(contacts)
    .leftJoin(accounts, and(eq(accounts.tenantId, contacts.tenantId), eq(accounts.id, contacts.staffId)))
    .leftJoin(
      casePeople,
      and(eq(casePeople.tenantId, contacts.tenantId), eq(casePeople.id, contacts.personId)),
    )
}

const flatten = ({ contact, ...named }: { contact: ContactRow } & Omit<ContactView, keyof ContactRow>) => ({
  ...contact,
  ...named,
})

/** A case's timeline, newest first; a contact without a time sorts after the timed ones of its day. */
export async function findContactsOfCase(db: Db, tenantId: string, caseId: string): Promise<ContactView[]> {
  const rows = await selectContactViews(db)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.caseId, caseId)))
    .orderBy(desc(contacts.contactedOn), sql`${contacts.time} desc nulls last`, desc(contacts.createdAt))
  return rows.map(flatten)
}

export async function findContact(
  db: Db,
  tenantId: string,
  caseId: string,
  id: string,
): Promise<ContactView | undefined> {
  const [row] = await selectContactViews(db).where(
    and(eq(contacts.tenantId, tenantId), eq(contacts.caseId, caseId), eq(contacts.id, id)),
  )
  return row && flatten(row)
}

export async function insertContact(db: Db, values: typeof contacts.$inferInsert): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning()
  return row!
}

export async function updateContactRow(
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<typeof contacts.$inferInsert>,
): Promise<void> {
  await db
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.tenantId, tenantId), eq(contacts.id, id)))
}
