// Test support for the `people` sheet: rows by column key, and what a city stores of its people
// (with phones and the person each contact names) in a comparable form.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '#server/db/client.ts'
import { casePeople, casePersonPhones, cases, contacts } from '#server/db/schema/index.ts'

export const PEOPLE_HEAD = [
  'case_id',
  'person_no',
  'relationship',
  'consulter',
  'name',
  'kana',
  'age',
  'lives_with',
  'phones',
  'mail',
  'address',
  'best_time',
  'may_name_city',
  'may_leave_message',
  'keep_from_person',
  'care',
]

/** A people row: the given values in PEOPLE_HEAD's order, blank elsewhere. */
export const aPerson = (values: Partial<Record<string, string>>) => PEOPLE_HEAD.map((k) => values[k] ?? '')

/** Everything stored of a city's people, by case number and person number, phones in order. */
export async function storedPeople(db: Db, tenantId: string) {
  const rows = await db
    .select({ caseNo: cases.caseNo, p: casePeople })
    .from(casePeople)
    .innerJoin(cases, and(eq(cases.tenantId, casePeople.tenantId), eq(cases.id, casePeople.caseId)))
    .where(eq(casePeople.tenantId, tenantId))
    .orderBy(asc(cases.caseNo), asc(casePeople.personNo))
  const phones = await db
    .select()
    .from(casePersonPhones)
    .where(eq(casePersonPhones.tenantId, tenantId))
    .orderBy(asc(casePersonPhones.position))
  return rows.map(({ caseNo, p }) => ({
    caseNo,
    personNo: p.personNo,
    relationship: p.relationship,
    consulter: p.consulter,
    name: p.name,
    kana: p.kana,
    age: p.age,
    livesWith: p.livesWith,
    mail: p.mail,
    address: p.address,
    ward: p.ward,
    bestTime: p.bestTime,
    mayNameCity: p.mayNameCity,
    mayLeaveMessage: p.mayLeaveMessage,
    keepFromPerson: p.keepFromPerson,
    care: p.care,
    phones: phones
      .filter((ph) => ph.personId === p.id)
      .map((ph) => ({ label: ph.label, number: ph.number, digits: ph.digits })),
  }))
}

/** Each stored contact as [case number, date, counterpart, the number of the person it names]. */
export async function storedContactPeople(db: Db, tenantId: string) {
  const rows = await db
    .select({
      caseNo: cases.caseNo,
      on: contacts.contactedOn,
      counterpart: contacts.counterpart,
      personNo: casePeople.personNo,
    })
    .from(contacts)
    .innerJoin(cases, and(eq(cases.tenantId, contacts.tenantId), eq(cases.id, contacts.caseId)))
    .leftJoin(
      casePeople,
      and(eq(casePeople.tenantId, contacts.tenantId), eq(casePeople.id, contacts.personId)),
    )
    .where(eq(contacts.tenantId, tenantId))
  return rows
    .map((r) => [r.caseNo, r.on, r.counterpart, r.personNo ?? null] as const)
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1))
}
