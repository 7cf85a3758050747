import type { Db } from '#server/db/client.ts'
import type { contacts } from '#server/db/schema/index.ts'
import { caseRecords } from '#server/modules/cases/index.ts'
import type { Recorder } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { fieldsSet } from '#server/platform/changes.ts'
import { CONTACT_FIELDS, toContact } from './contacts.dto.ts'
import * as repo from './contacts.repository.ts'

/** A checked contact, ready to store: the staff member resolved, no field left undefined. */
export type ContactValues = Omit<
  typeof contacts.$inferInsert,
  'tenantId' | 'caseId' | 'id' | 'createdAt' | 'updatedAt'
>

/**
 * Writes a checked contact with its case-history entry and audit row, in the caller's
 * transaction: 対応を記録 on a case, the intake's first conversation, and a web consultation's
 * message (written by staff, or by a resident with no account) once its thread has a case.
 */
export async function recordContact(
  tx: Db,
  actor: Recorder,
  now: Date,
  caseId: string,
  values: ContactValues,
) {
  const row = await repo.insertContact(tx, {
    tenantId: actor.tenantId,
    caseId,
    ...values,
    createdAt: now,
    updatedAt: now,
  })
  await caseRecords.recordEvent(
    tx,
    actor,
    now,
    caseId,
    'contact_added',
    fieldsSet(values, CONTACT_FIELDS, 'contact.'),
  )
  await writeAudit(tx, actor, now, {
    action: 'contact.create',
    recordType: 'contact',
    recordId: row.id,
    detail: { caseId },
  })
  return toContact((await repo.findContact(tx, actor.tenantId, caseId, row.id))!)
}
