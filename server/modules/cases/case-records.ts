import type { CaseEvent } from '../../../shared/contracts/cases.ts'
import type { Db } from '../../db/client.ts'
import type { Actor } from '../../platform/actor.ts'
import { conflict, forbidden, notFound } from '../../platform/errors.ts'
import { checkDate, checkStaff, type FieldErrors } from './case-rules.ts'
import type { Change } from './cases.dto.ts'
import { caseScopeOf, mayRecordContact } from './cases.policy.ts'
import * as repo from './cases.repository.ts'

/** Writes one history entry; call it with the transaction of the change it records. */
export async function recordCaseEvent(
  tx: Db,
  actor: Actor,
  at: Date,
  caseId: string,
  action: CaseEvent['action'],
  changes: Change[],
  reason: string | null = null,
): Promise<void> {
  await repo.insertCaseEvent(tx, {
    tenantId: actor.tenantId,
    caseId,
    at,
    actorId: actor.accountId,
    actorName: actor.name,
    action,
    changes,
    reason,
  })
}

/** What the contacts module needs to know about the case a contact belongs to. */
export interface CaseForContacts {
  id: string
  openedOn: string
}

/**
 * The case-side service for the contacts module: it never reads the cases tables itself, so
 * the scope rule and the history format stay in one place.
 */
export const caseRecords = {
  /** The case in the caller's scope, for reading its contacts; 404 otherwise. */
  async findReadable(tx: Db, actor: Actor, caseId: string): Promise<CaseForContacts> {
    const scope = caseScopeOf(actor)
    const row = scope && (await repo.findCaseRow(tx, actor.tenantId, caseId, scope))
    if (!row) throw notFound()
    return { id: row.id, openedOn: row.openedOn }
  },

  /** The case in scope, when the caller may record (or correct) contacts on it now. */
  async findRecordable(
    tx: Db,
    actor: Actor,
    caseId: string,
    purpose: 'add' | 'correct',
  ): Promise<CaseForContacts> {
    const scope = caseScopeOf(actor)
    const row = scope && (await repo.findCaseForChange(tx, actor.tenantId, caseId, scope))
    if (!row) throw notFound()
    if (row.status === 'closed') {
      throw conflict(
        purpose === 'add'
          ? '終結したケースには対応記録を追加できません。再開してから記録してください。'
          : '終結したケースの対応記録は修正できません。再開してから修正してください。',
      )
    }
    if (!mayRecordContact(scope, row)) {
      throw forbidden('引継ぎ済みのケースの対応記録は、引継ぎ先の区で記録します')
    }
    return { id: row.id, openedOn: row.openedOn }
  },

  checkDate,
  checkStaff: (tx: Db, errors: FieldErrors, actor: Actor, staffId: string | null) =>
    checkStaff(tx, errors, actor.tenantId, staffId),
  recordEvent: recordCaseEvent,
}
