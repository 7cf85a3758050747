import type { Person } from '#shared/contracts/people.ts'
import type { PersonView } from './people.repository.ts'

export function toPerson({ row, phones }: PersonView): Person {
  return {
    id: row.id,
    caseId: row.caseId,
    personNo: row.personNo,
    relationship: row.relationship as Person['relationship'],
    consulter: row.consulter,
    name: row.name,
    kana: row.kana,
    age: row.age,
    livesWith: row.livesWith,
    phones: phones.map((p) => ({
      label: p.label as Person['phones'][number]['label'],
      number: p.number,
      digits: p.digits,
    })),
    mail: row.mail,
    address: row.address,
    ward: row.ward,
    bestTime: row.bestTime,
    mayNameCity: row.mayNameCity,
    mayLeaveMessage: row.mayLeaveMessage,
    keepFromPerson: row.keepFromPerson,
    care: row.care as Person['care'],
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** Field names of a person, for the audit log's list of what changed (never the values). */
export const PERSON_FIELDS = [
  'relationship',
  'consulter',
  'name',
  'kana',
  'age',
  'livesWith',
  'phones',
  'mail',
  'address',
  'bestTime',
  'mayNameCity',
  'mayLeaveMessage',
  'keepFromPerson',
  'care',
] as const
