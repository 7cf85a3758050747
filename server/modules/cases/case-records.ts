import type { Db } from '#server/db/client.ts'
import type { Actor, Recorder } from '#server/platform/actor.ts'
import { type Change, changesBetween } from '#server/platform/changes.ts'
import { conflict, forbidden, refused } from '#server/platform/errors.ts'
import type { FieldErrors } from '#server/platform/field-errors.ts'
import type { CaseDetail, CaseEvent } from '#shared/contracts/cases.ts'
import { checkDate, checkStaff, STALE_VERSION } from './case-rules.ts'
import { toCaseDetail } from './cases.dto.ts'
import { type CaseAccessFacts, type CaseScope, caseScopeOf, mayRecordContact } from './cases.policy.ts'
import * as repo from './cases.repository.ts'

/** Writes one history entry; call it with the transaction of the change it records. */
export async function recordCaseEvent(
  tx: Db,
  actor: Recorder,
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

/**
 * The case fields other modules may change through `caseRecords.change`: the ward's side
 * (assessment, state, consent) and the meeting's current decision. Intake fields, status and
 * handover stay with the cases module's own use cases.
 */
export const WARD_FIELDS = [
  'wardAssessment',
  'wardState',
  'consentOn',
  'consentNote',
  'lead',
  'leadUnitId',
  'leadAccountId',
  'nextReviewOn',
] as const satisfies readonly (keyof repo.CaseRow)[]
export type WardValues = Partial<Pick<repo.CaseRow, (typeof WARD_FIELDS)[number]>>

/** A case as another module sees it before changing it: who may, and its ward-side values. */
export interface CaseForChange extends CaseAccessFacts {
  id: string
  caseNo: string
  openedOn: string
  handedOverOn: string | null
  wardRoute: string | null
  version: number
  values: Required<WardValues>
}

/**
 * What other modules need to know about a case they record on: when it opened (dates before it
 * are refused), its status and its current lead (support is recorded on led, open cases).
 */
export interface CaseForContacts {
  id: string
  openedOn: string
  status: string
  lead: string | null
}

/** Why a change to a case's records is refused: on a closed case, or by someone not working on it. */
const RECORD_REFUSALS = {
  add: {
    closed: '終結したケースには対応記録を追加できません。再開してから記録してください。',
    elsewhere: '引継ぎ済みのケースの対応記録は、引継ぎ先の区で記録します',
  },
  correct: {
    closed: '終結したケースの対応記録は修正できません。再開してから修正してください。',
    elsewhere: '引継ぎ済みのケースの対応記録は、引継ぎ先の区で記録します',
  },
  people: {
    closed: '終結したケースの相談者・世帯は変更できません。再開してから変更してください。',
    elsewhere: '相談者・世帯は、相談窓口または担当区（引継ぎ後は引継ぎ先の区）で変更します',
  },
} as const

/**
 * The case-side service for the contacts module: it never reads the cases tables itself, so
 * the scope rule and the history format stay in one place.
 */
export const caseRecords = {
  /** The case in the caller's scope, for reading its contacts; 404 otherwise. */
  async findReadable(tx: Db, actor: Actor, caseId: string): Promise<CaseForContacts> {
    const scope = caseScopeOf(actor)
    const row = scope && (await repo.findCaseRow(tx, actor.tenantId, caseId, scope))
    if (!row) throw refused('case', caseId)
    return { id: row.id, openedOn: row.openedOn, status: row.status, lead: row.lead }
  },

  /**
   * The case in scope, locked, when the caller may record (or correct) contacts on it now. The
   * people around the case (相談者・世帯) are changed by the same staff under the same rule.
   */
  async findRecordable(
    tx: Db,
    actor: Actor,
    caseId: string,
    purpose: keyof typeof RECORD_REFUSALS,
  ): Promise<CaseForContacts> {
    const scope = caseScopeOf(actor)
    const row = scope && (await repo.findCaseForChange(tx, actor.tenantId, caseId, scope))
    if (!row) throw refused('case', caseId)
    if (row.status === 'closed') throw conflict(RECORD_REFUSALS[purpose].closed)
    if (!mayRecordContact(scope, row)) throw forbidden(RECORD_REFUSALS[purpose].elsewhere)
    return { id: row.id, openedOn: row.openedOn, status: row.status, lead: row.lead }
  },

  /**
   * The case in the caller's scope, locked for the rest of the transaction (404 outside the
   * scope); the caller's module decides with `scope` and the facts whether this change is its to make.
   */
  async findForChange(
    tx: Db,
    actor: Actor,
    caseId: string,
  ): Promise<{ scope: CaseScope; theCase: CaseForChange }> {
    const scope = caseScopeOf(actor)
    const row = scope && (await repo.findCaseForChange(tx, actor.tenantId, caseId, scope))
    if (!scope || !row) throw refused('case', caseId)
    const values = Object.fromEntries(WARD_FIELDS.map((f) => [f, row[f]])) as Required<WardValues>
    return {
      scope,
      theCase: {
        id: row.id,
        caseNo: row.caseNo,
        openedOn: row.openedOn,
        handedOverOn: row.handedOverOn,
        intakeUnit: row.intakeUnit,
        status: row.status,
        handedOverTo: row.handedOverTo,
        wardRoute: row.wardRoute,
        lead: row.lead,
        leadUnitId: row.leadUnitId,
        leadAccountId: row.leadAccountId,
        version: row.version,
        values,
      },
    }
  },

  /** 409 when the case changed since the caller read it at `version`. */
  requireVersion(theCase: CaseForChange, version: number) {
    if (theCase.version !== version) throw conflict(STALE_VERSION)
  },

  /**
   * Changes ward-side fields of a case found with `findForChange`, made on `version` (409 when
   * someone changed it since), and writes the history entry. Nothing is written when nothing
   * changes; returns the changes made.
   */
  async change(
    tx: Db,
    actor: Actor,
    at: Date,
    theCase: CaseForChange,
    version: number,
    values: WardValues,
    action: CaseEvent['action'],
    reason: string | null = null,
  ): Promise<Change[]> {
    if (theCase.version !== version) throw conflict(STALE_VERSION)
    const fields = WARD_FIELDS.filter((f) => f in values)
    const changes = changesBetween(theCase.values, values, fields)
    if (changes.length === 0) return changes
    const picked = Object.fromEntries(fields.map((f) => [f, values[f]]))
    const row = await repo.updateCaseRow(tx, actor.tenantId, theCase.id, version, {
      ...picked,
      updatedAt: at,
    })
    if (!row) throw conflict(STALE_VERSION)
    await recordCaseEvent(tx, actor, at, theCase.id, action, changes, reason)
    return changes
  },

  /** The case's detail as the caller may see it, after a change in the same transaction. */
  async detail(tx: Db, actor: Actor, caseId: string): Promise<CaseDetail> {
    const scope = caseScopeOf(actor)
    const view = scope && (await repo.findCaseView(tx, actor.tenantId, caseId, scope))
    if (!view) throw refused('case', caseId)
    return toCaseDetail(view)
  },

  checkDate,
  checkStaff: (tx: Db, errors: FieldErrors, actor: Actor, staffId: string | null) =>
    checkStaff(tx, errors, actor.tenantId, staffId),
  recordEvent: recordCaseEvent,
}
