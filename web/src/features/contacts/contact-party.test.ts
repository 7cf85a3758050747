import { describe, expect, it } from 'vitest'
import type { Person } from '#shared/contracts/people.ts'
import { derivedCounterpart, partyChoices, partyFrom, partyValue } from './contact-party.ts'

const person = (id: string, relationship: Person['relationship'], name: string | null, consulter = true) =>
  ({ id, relationship, name, consulter }) as Person

describe('相手 of a contact', () => {
  const mother = person('m', 'mother', '山田 花子')
  const father = person('f', 'father', null, false)
  const staff = person('a', 'agency_staff', '包括 担当')

  it('offers 本人, each person, a relative not listed, and agencies', () => {
    expect(partyChoices([mother, father, staff])).toEqual([
      { value: 'self', label: '本人' },
      { value: 'person:m', label: '母　山田 花子' },
      { value: 'person:f', label: '父（世帯員）' },
      { value: 'person:a', label: '関係機関職員　包括 担当' },
      { value: 'family', label: '家族・親族（登録のない方）' },
      { value: 'other', label: '関係機関・その他' },
    ])
  })

  it('makes 本人 the person recorded as 本人 when there is one', () => {
    const self = person('s', 'self', '山田 太郎')
    expect(partyChoices([self, mother])[0]).toEqual({ value: 'person:s', label: '本人' })
  })

  it('round-trips a choice and derives 対象 from the person', () => {
    const people = [mother, staff]
    expect(partyFrom('person:m')).toEqual({ counterpart: '', personId: 'm' })
    expect(partyFrom('family')).toEqual({ counterpart: 'family', personId: '' })
    expect(partyValue(partyFrom('person:m'))).toBe('person:m')
    expect(partyValue(partyFrom('other'))).toBe('other')
    expect(derivedCounterpart(partyFrom('person:m'), people)).toBe('家族・親族')
    expect(derivedCounterpart(partyFrom('person:a'), people)).toBe('その他')
    expect(derivedCounterpart(partyFrom('self'), people)).toBe('本人')
    expect(derivedCounterpart(partyFrom(''), people)).toBe('')
  })
})
