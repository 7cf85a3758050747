import type { z } from 'zod'
import type { Db } from '#server/db/client.ts'
import { caseRecords, STALE_VERSION } from '#server/modules/cases/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { writeAudit } from '#server/platform/audit.ts'
import { changesBetween, fieldsSet } from '#server/platform/changes.ts'
import type { AppDeps } from '#server/platform/deps.ts'
import { conflict, refused } from '#server/platform/errors.ts'
import type * as contract from '#shared/contracts/people.ts'
import type { Person, PersonInput } from '#shared/contracts/people.ts'
import { wardOfAddress } from '#shared/ward-of-address.ts'
import { PERSON_FIELDS, toPerson } from './people.dto.ts'
import * as repo from './people.repository.ts'

type UpdateInput = z.output<NonNullable<typeof contract.updatePerson.body>>
type DeleteInput = z.output<NonNullable<typeof contract.deletePerson.body>>
type Field = (typeof PERSON_FIELDS)[number]

export const NAMED_BY_CONTACTS =
  '対応記録の相手になっているため削除できません。対応記録の相手を変更してから削除してください。'

const phoneValues = (phones: PersonInput['phones']): repo.PhoneValues[] =>
  phones.map((p) => ({ label: p.label ?? null, number: p.number.number, digits: p.number.digits }))

/**
 * Adds someone to a case inside the caller's transaction: the next 番号 within the case, the ward
 * derived from the address, the phones, and the audit row. The caller has already decided that
 * the actor may change the case (the people service through the case's scope; intake because it
 * opens the case in the same transaction) and holds the case row (locked, or created in `tx`).
 */
/** The names and kana of a case's people, for a caller that has already checked the case. */
export function namesOfCasePeople(db: Db, tenantId: string, caseId: string) {
  return repo.findNamesOfCase(db, tenantId, caseId)
}

export async function addPerson(tx: Db, actor: Actor, at: Date, caseId: string, input: PersonInput) {
  const { phones, ...fields } = input
  const personNo = await repo.nextPersonNo(tx, actor.tenantId, caseId)
  const row = await repo.insertPerson(tx, {
    tenantId: actor.tenantId,
    caseId,
    personNo,
    ...fields,
    name: fields.name ?? null,
    kana: fields.kana ?? null,
    age: fields.age ?? null,
    livesWith: fields.livesWith ?? null,
    mail: fields.mail ?? null,
    address: fields.address ?? null,
    ward: wardOfAddress(fields.address),
    bestTime: fields.bestTime ?? null,
    mayNameCity: fields.mayNameCity ?? null,
    mayLeaveMessage: fields.mayLeaveMessage ?? null,
    keepFromPerson: fields.keepFromPerson ?? null,
    createdAt: at,
    updatedAt: at,
  })
  await repo.replacePhones(tx, actor.tenantId, caseId, row.id, phoneValues(phones))
  await writeAudit(tx, actor, at, {
    action: 'person.create',
    recordType: 'person',
    recordId: row.id,
    detail: { caseId, personNo },
  })
  return toPerson((await repo.findPerson(tx, actor.tenantId, caseId, row.id))!)
}

/** The fields sent that differ from what is stored (phones compared as label and number). */
function changedFields(before: repo.PersonView, sent: Omit<UpdateInput, 'version'>): Field[] {
  const now = toPerson(before)
  return PERSON_FIELDS.filter((f) => {
    const value = sent[f]
    if (value === undefined) return false
    if (f === 'phones') {
      const typed = phoneValues(value as PersonInput['phones']).map((p) => [p.label, p.number])
      return JSON.stringify(typed) !== JSON.stringify(now.phones.map((p) => [p.label, p.number]))
    }
    return JSON.stringify(value ?? null) !== JSON.stringify(now[f])
  })
}

/** A person as the case history words it: codes and text, phones as their numbers. */
function historyOf(p: Person): Record<Field, unknown> {
  return { ...p, phones: p.phones.map((x) => x.number) }
}
/** Who an added or removed person was, in the case history. */
const WHO: Field[] = ['relationship', 'name']

export function createPeopleService({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor, caseId: string) {
      return db.transaction(async (tx) => {
        await caseRecords.findReadable(tx, actor, caseId)
        const people = await repo.findPeopleOfCase(tx, actor.tenantId, caseId)
        await writeAudit(tx, actor, clock.now(), {
          action: 'person.list',
          recordType: 'case',
          recordId: caseId,
          detail: { count: people.length },
        })
        return people.map(toPerson)
      })
    },

    async add(actor: Actor, caseId: string, input: PersonInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        await caseRecords.findRecordable(tx, actor, caseId, 'people')
        const person = await addPerson(tx, actor, now, caseId, input)
        const changes = fieldsSet(historyOf(person), WHO, 'person.')
        await caseRecords.recordEvent(tx, actor, now, caseId, 'person_added', changes)
        return person
      })
    },

    /** Only the fields sent change; phones, when sent, replace the whole list. */
    async update(actor: Actor, caseId: string, personId: string, input: UpdateInput) {
      const now = clock.now()
      return db.transaction(async (tx) => {
        await caseRecords.findRecordable(tx, actor, caseId, 'people')
        const before = await repo.findPerson(tx, actor.tenantId, caseId, personId)
        if (!before) throw refused('person', personId)
        if (before.row.version !== input.version) throw conflict(STALE_VERSION)
        const { version, phones, ...sent } = input
        const fields = changedFields(before, { ...sent, phones })
        if (fields.length > 0) {
          const values = Object.fromEntries(
            fields.filter((f) => f !== 'phones').map((f) => [f, sent[f as keyof typeof sent] ?? null]),
          ) as Partial<repo.PersonValues>
          if (fields.includes('address')) values.ward = wardOfAddress(values.address)
          const row = await repo.updatePersonRow(tx, actor.tenantId, personId, version, {
            ...values,
            updatedAt: now,
          })
          if (!row) throw conflict(STALE_VERSION)
          if (phones && fields.includes('phones')) {
            await repo.replacePhones(tx, actor.tenantId, caseId, personId, phoneValues(phones))
          }
        }
        await writeAudit(tx, actor, now, {
          action: 'person.update',
          recordType: 'person',
          recordId: personId,
          detail: { caseId, fields },
        })
        const after = toPerson((await repo.findPerson(tx, actor.tenantId, caseId, personId))!)
        const changes = changesBetween(historyOf(toPerson(before)), historyOf(after), fields, 'person.')
        if (changes.length > 0) {
          await caseRecords.recordEvent(tx, actor, now, caseId, 'person_updated', changes)
        }
        return after
      })
    },

    /** Someone a contact names stays: the contact would lose whom it was with. */
    async remove(actor: Actor, caseId: string, personId: string, input: DeleteInput) {
      const now = clock.now()
      await db.transaction(async (tx) => {
        await caseRecords.findRecordable(tx, actor, caseId, 'people')
        const before = await repo.findPerson(tx, actor.tenantId, caseId, personId)
        if (!before) throw refused('person', personId)
        if (before.row.version !== input.version) throw conflict(STALE_VERSION)
        if ((await repo.countContactsNaming(tx, actor.tenantId, personId)) > 0)
          throw conflict(NAMED_BY_CONTACTS)
        if (!(await repo.deletePersonRow(tx, actor.tenantId, personId, input.version))) {
          throw conflict(STALE_VERSION)
        }
        await writeAudit(tx, actor, now, {
          action: 'person.delete',
          recordType: 'person',
          recordId: personId,
          detail: { caseId, personNo: before.row.personNo },
        })
        const gone = fieldsSet(historyOf(toPerson(before)), WHO, 'person.')
        const changes = gone.map((c) => ({ field: c.field, from: c.to, to: null }))
        await caseRecords.recordEvent(tx, actor, now, caseId, 'person_removed', changes)
      })
      return null
    },
  }
}

export type PeopleService = ReturnType<typeof createPeopleService>
