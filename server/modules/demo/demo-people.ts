import type { casePeople, casePersonPhones } from '#server/db/schema/index.ts'
import { type CareKind, type Relationship, WARDS } from '#shared/codes.ts'
import { fictionalName } from './demo-names.ts'
import { type Random, seededUuid } from './demo-random.ts'

export interface DemoHousehold {
  people: (typeof casePeople.$inferInsert)[]
  phones: (typeof casePersonPhones.$inferInsert)[]
}

/**
 * The parent who called about a case the family brought, so the demo shows 相談者・世帯, contact
 * cautions and 8050 households. Phone numbers use the unassigned 000 exchange: fictional, never
 * anyone's real number.
 */
export function demoParent(
  random: Random,
  input: { tenantId: string; caseId: string; personName: string | null; personAge: number },
): { person: typeof casePeople.$inferInsert; phones: (typeof casePersonPhones.$inferInsert)[] } {
  const relationship: Relationship = random.chance(0.7) ? 'mother' : 'father'
  const invented = fictionalName(random, relationship === 'mother' ? 'female' : 'male')
  // The family name follows the person's when it is known (a parent usually shares it).
  const surname = input.personName?.split(' ')[0]
  const name = surname ? `${surname} ${invented.name.split(' ')[1]}` : invented.name
  const kana = surname ? null : invented.kana
  const age = input.personAge + random.int(24, 36)
  const care: CareKind[] =
    age >= 75 && random.chance(0.4)
      ? [random.pick(['care_needs', 'chiiki_houkatsu', 'care_manager'] as const)]
      : []
  const personId = seededUuid(random)
  const digits = `075000${String(random.int(0, 9999)).padStart(4, '0')}`
  const mobile = `090000${String(random.int(0, 99999)).padStart(5, '0')}`
  const phones: (typeof casePersonPhones.$inferInsert)[] = [
    {
      tenantId: input.tenantId,
      id: seededUuid(random),
      personId,
      caseId: input.caseId,
      position: 1,
      label: 'home',
      number: `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
      digits,
    },
  ]
  if (random.chance(0.5)) {
    phones.push({
      tenantId: input.tenantId,
      id: seededUuid(random),
      personId,
      caseId: input.caseId,
      position: 2,
      label: 'mobile',
      number: `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`,
      digits: mobile,
    })
  }
  const ward = random.pick(WARDS)
  const address = random.chance(0.5) ? `${ward.label}（デモ）1-2-3` : null
  return {
    person: {
      tenantId: input.tenantId,
      id: personId,
      caseId: input.caseId,
      personNo: 1,
      relationship,
      consulter: true,
      name,
      kana,
      age,
      livesWith: random.chance(0.8),
      address,
      ward: address ? ward.code : null,
      bestTime: random.pick(['平日の午前中', '夕方以降', '昼12時〜13時', null]),
      mayNameCity: random.chance(0.3) ? false : random.chance(0.8) ? true : null,
      mayLeaveMessage: random.chance(0.5),
      keepFromPerson: random.chance(0.4),
      care,
    },
    phones,
  }
}
