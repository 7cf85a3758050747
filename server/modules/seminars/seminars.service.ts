import type { z } from 'zod'
import { caseRecords } from '#server/modules/cases/index.ts'
import { recordContact } from '#server/modules/contacts/index.ts'
import { surveyChoices } from '#server/modules/surveys/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, forbidden, notFound } from '#server/platform/errors.ts'
import { FieldErrors } from '#server/platform/field-errors.ts'
import * as contract from '#shared/contracts/seminars.ts'
import { tokyoDate } from '#shared/dates.ts'
import { cancelAndMoveUp, moveUpWaiting } from './seat-changes.ts'
import { seatsTaken, waitlistPositions } from './seats.ts'
import { type SurveyTitles, toRegistration, toSeminarDetail, toSeminarSummary } from './seminars.dto.ts'
import {
  managesSeminar,
  organiserWardOf,
  requireSeminarReader,
  seesSeminar,
  seminarWardScope,
} from './seminars.policy.ts'
import * as repo from './seminars.repository.ts'

type ListQuery = z.output<NonNullable<typeof contract.listSeminars.query>>
type SeminarInput = z.output<NonNullable<typeof contract.createSeminar.body>>

export const SEMINAR_REFUSALS = {
  deleteWithFamilies:
    '参加確定またはキャンセル待ちの家族がいるため削除できません。各家族に連絡のうえ申込みを取り消してから削除してください。',
  capacityBelowConfirmed: (people: number) => `定員は参加確定の人数（${people}人）以上にしてください`,
  surveyUnknown: '選択したアンケートが見つかりません',
  cancelled: '取り消された申込みです',
  notAttended: '出席を記録してから、ケースに結び付けてください',
  alreadyLinked: 'この申込みはすでにケースに結び付けられています',
  removed: '保存期間を過ぎて個人情報を削除した申込みは、ケースに結び付けられません',
} as const

const MINUTE = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** Staff's side: schedule, change and delete, see who registered (the organiser only), attendance. */
export function createSeminarsService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  async function titlesOf(tx: typeof db, tenantId: string, ids: (string | null)[]): Promise<SurveyTitles> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
    const found = await surveyChoices(tx, tenantId, wanted)
    return new Map(found.map((s) => [s.id, s.title]))
  }

  /** The seminar if the actor sees it (another ward's answers as if it did not exist). */
  async function visible(tx: typeof db, actor: Actor, id: string) {
    const seminar = await repo.findSeminar(tx, actor.tenantId, id)
    if (!seminar || !seesSeminar(actor, seminar)) throw notFound()
    return seminar
  }

  /** Locked for a change by its organiser: 404 when not seen, 403 when seen but someone else's. */
  async function organised(tx: typeof db, actor: Actor, id: string) {
    await visible(tx, actor, id)
    const row = await repo.lockSeminar(tx, actor.tenantId, id)
    if (!row) throw notFound()
    if (!managesSeminar(actor, row)) throw forbidden('この研修会は主催する区（または本市担当課）が変更します')
    return row
  }

  /** A registration of a seminar the actor organises; 404 otherwise (it is not the caller's data). */
  async function managedRegistration(tx: typeof db, actor: Actor, id: string, registrationId: string) {
    const seminar = await repo.findSeminar(tx, actor.tenantId, id)
    if (!seminar || !managesSeminar(actor, seminar)) throw notFound()
    const row = await repo.findRegistration(tx, actor.tenantId, id, registrationId)
    if (!row) throw notFound()
    return { seminar, row }
  }

  async function detail(tx: typeof db, actor: Actor, id: string) {
    const seminar = await visible(tx, actor, id)
    const titles = await titlesOf(tx, actor.tenantId, [seminar.followUpSurveyId])
    if (!managesSeminar(actor, seminar)) return toSeminarDetail(seminar, titles, null)
    const rows = await repo.registrationsOf(tx, actor.tenantId, id)
    const positions = waitlistPositions(rows)
    const today = tokyoDate(clock.now())
    const registrations = rows.map((r) => toRegistration(r, positions.get(r.id) ?? null, seminar, today))
    return toSeminarDetail(seminar, titles, registrations)
  }

  async function registrationView(
    tx: typeof db,
    actor: Actor,
    seminar: { id: string; heldOn: string },
    id: string,
  ) {
    const rows = await repo.registrationsOf(tx, actor.tenantId, seminar.id)
    const row = rows.find((r) => r.id === id)!
    return toRegistration(row, waitlistPositions(rows).get(id) ?? null, seminar, tokyoDate(clock.now()))
  }

  async function checkSurvey(tx: typeof db, actor: Actor, errors: FieldErrors, surveyId: string | null) {
    if (surveyId && (await surveyChoices(tx, actor.tenantId, [surveyId])).length === 0) {
      errors.add('followUpSurveyId', SEMINAR_REFUSALS.surveyUnknown)
    }
  }

  const readAudit = async (tx: typeof db, actor: Actor, id: string, registrations: number) =>
    writeAudit(tx, actor, clock.now(), {
      action: 'seminar.read',
      recordType: 'seminar',
      recordId: id,
      detail: { registrations },
    })

  return {
    /** The list holds no family's data (counts only), so it is not audited. */
    async list(actor: Actor, query: ListQuery) {
      requireSeminarReader(actor)
      const { rows, total } = await repo.findSeminars(db, actor.tenantId, {
        when: query.when,
        today: tokyoDate(clock.now()),
        page: query.page,
        pageSize: query.pageSize,
        ward: seminarWardScope(actor),
      })
      const titles = await titlesOf(
        db,
        actor.tenantId,
        rows.map((r) => r.followUpSurveyId),
      )
      return {
        items: rows.map((r) => toSeminarSummary(r, titles)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },

    /** The organiser reads the families' registrations: audited, with how many it saw. */
    async get(actor: Actor, id: string) {
      requireSeminarReader(actor)
      return db.transaction(async (tx) => {
        const result = await detail(tx, actor, id)
        if (result.access.canManage) await readAudit(tx, actor, id, result.registrations.length)
        return result
      })
    },

    async followUpSurveys(actor: Actor) {
      organiserWardOf(actor)
      return surveyChoices(db, actor.tenantId)
    },

    async create(actor: Actor, input: SeminarInput) {
      const ward = organiserWardOf(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const errors = new FieldErrors()
        await checkSurvey(tx, actor, errors, input.followUpSurveyId)
        errors.throwIfAny()
        const row = await repo.insertSeminar(tx, {
          tenantId: actor.tenantId,
          ...input,
          ward,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        })
        await writeAudit(tx, actor, now, {
          action: 'seminar.create',
          recordType: 'seminar',
          recordId: row.id,
          detail: { kind: row.kind, heldOn: row.heldOn, capacity: row.capacity },
        })
        return detail(tx, actor, row.id)
      })
    },

    /**
     * The organiser changes a seminar. Seats already given stay given: a capacity below the
     * confirmed people is refused; a larger one moves waiting families up, each told by mail.
     */
    async update(actor: Actor, id: string, input: SeminarInput) {
      requireSeminarReader(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const before = await organised(tx, actor, id)
        const errors = new FieldErrors()
        const confirmed = seatsTaken(await repo.registrationsOf(tx, actor.tenantId, id))
        if (input.capacity < confirmed) {
          errors.add('capacity', SEMINAR_REFUSALS.capacityBelowConfirmed(confirmed))
        }
        await checkSurvey(tx, actor, errors, input.followUpSurveyId)
        errors.throwIfAny()
        const after = await repo.updateSeminarRow(tx, actor.tenantId, id, { ...input, updatedAt: now })
        const movedUp = await moveUpWaiting(tx, actor.tenantId, after, now)
        const fields = (Object.keys(input) as (keyof SeminarInput)[]).filter((k) => before[k] !== after[k])
        await writeAudit(tx, actor, now, {
          action: 'seminar.update',
          recordType: 'seminar',
          recordId: id,
          detail: { fields, movedUp },
        })
        const result = await detail(tx, actor, id)
        await readAudit(tx, actor, id, result.registrations.length)
        return result
      })
    },

    /**
     * Deletes a seminar nobody holds a seat in or waits for. While a family does, it is refused:
     * deleting would leave them with a dead link and no word; staff cancel each registration
     * (after telling the family) and then delete. Cancelled registrations go with the seminar.
     */
    async remove(actor: Actor, id: string) {
      requireSeminarReader(actor)
      const now = clock.now()
      await db.transaction(async (tx) => {
        await organised(tx, actor, id)
        const rows = await repo.registrationsOf(tx, actor.tenantId, id)
        if (rows.some((r) => r.status !== 'cancelled')) throw conflict(SEMINAR_REFUSALS.deleteWithFamilies)
        await repo.deleteSeminarRow(tx, actor.tenantId, id)
        await writeAudit(tx, actor, now, {
          action: 'seminar.delete',
          recordType: 'seminar',
          recordId: id,
          detail: { cancelledRegistrations: rows.length },
        })
      })
      return null
    },

    /** On the family's behalf (they called): as their cancel link does, waiting families move up. */
    async cancelRegistration(actor: Actor, id: string, registrationId: string) {
      requireSeminarReader(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { seminar } = await managedRegistration(tx, actor, id, registrationId)
        const locked = (await repo.lockSeminar(tx, actor.tenantId, id))!
        const done = await cancelAndMoveUp(tx, actor.tenantId, locked, registrationId, now)
        await writeAudit(tx, actor, now, {
          action: 'seminar_registration.cancel',
          recordType: 'seminar_registration',
          recordId: registrationId,
          detail: { seminarId: id, movedUp: done?.movedUp ?? [], byStaff: true },
        })
        return registrationView(tx, actor, seminar, registrationId)
      })
    },

    async recordAttendance(actor: Actor, id: string, registrationId: string, attended: boolean | null) {
      requireSeminarReader(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { seminar } = await managedRegistration(tx, actor, id, registrationId)
        await repo.updateRegistration(tx, actor.tenantId, registrationId, { attended })
        await writeAudit(tx, actor, now, {
          action: 'seminar_registration.attendance',
          recordType: 'seminar_registration',
          recordId: registrationId,
          detail: { seminarId: id, attended },
        })
        return registrationView(tx, actor, seminar, registrationId)
      })
    },

    /**
     * A registrant who attended and already consults: the seminar becomes a contact on their
     * case (面談 with 家族・親族, on the seminar's date), so it shows on the case's timeline. The
     * case must be one the caller may record on (its scope and rules, in the cases module).
     */
    async linkToCase(actor: Actor, id: string, registrationId: string, caseId: string) {
      requireSeminarReader(actor)
      const now = clock.now()
      return db.transaction(async (tx) => {
        const { seminar, row } = await managedRegistration(tx, actor, id, registrationId)
        if (row.status === 'cancelled') throw conflict(SEMINAR_REFUSALS.cancelled)
        if (row.personalDataRemovedAt) throw conflict(SEMINAR_REFUSALS.removed)
        if (row.attended !== true) throw conflict(SEMINAR_REFUSALS.notAttended)
        if (row.caseId) throw conflict(SEMINAR_REFUSALS.alreadyLinked)
        const theCase = await caseRecords.findRecordable(tx, actor, caseId, 'add')
        const errors = new FieldErrors()
        caseRecords.checkDate(errors, 'caseId', seminar.heldOn, tokyoDate(now), theCase.openedOn)
        errors.throwIfAny()
        const kind = contract.SEMINAR_KINDS.find((k) => k.code === seminar.kind)?.label ?? ''
        const contact = await recordContact(tx, actor, now, caseId, {
          contactedOn: seminar.heldOn,
          time: seminar.startTime,
          method: 'in_person',
          counterpart: 'family',
          personId: null,
          staffId: actor.accountId,
          minutes: seminar.endTime ? MINUTE(seminar.endTime) - MINUTE(seminar.startTime) : null,
          summary: `${kind}「${seminar.title}」に参加（${row.attendees}人）`,
          nextStep: null,
          nextStepDueOn: null,
          nextStepDueTime: null,
        })
        await repo.updateRegistration(tx, actor.tenantId, registrationId, { caseId })
        await writeAudit(tx, actor, now, {
          action: 'seminar_registration.link_case',
          recordType: 'seminar_registration',
          recordId: registrationId,
          detail: { seminarId: id, caseId, contactId: contact.id },
        })
        return registrationView(tx, actor, seminar, registrationId)
      })
    },
  }
}

export type SeminarsService = ReturnType<typeof createSeminarsService>
