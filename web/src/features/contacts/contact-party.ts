import { COUNTERPARTS, type Counterpart, labelOf } from '#shared/codes.ts'
import type { Person } from '#shared/contracts/people.ts'
import { counterpartOf } from '#shared/counterpart.ts'
import { personTitle } from '#web/lib/person-labels.ts'

/**
 * 相手: whom a contact was with, as one choice: the person (本人), one of the case's people, a
 * relative not on the list, or an agency or anyone else. 対象 follows from it (counterpartOf),
 * so staff never say it twice. A choice is `person:<id>` or a counterpart code.
 */
export interface Party {
  counterpart: string
  personId: string
}

const PERSON = 'person:'

export function partyChoices(people: readonly Person[]): { value: string; label: string }[] {
  const self = people.find((p) => p.relationship === 'self')
  const others = people.filter((p) => p !== self)
  return [
    { value: self ? `${PERSON}${self.id}` : 'self', label: '本人' },
    ...others.map((p) => ({
      value: `${PERSON}${p.id}`,
      label: `${personTitle(p)}${p.consulter ? '' : '（世帯員）'}`,
    })),
    { value: 'family', label: '家族・親族（登録のない方）' },
    { value: 'other', label: '関係機関・その他' },
  ]
}

export function partyValue(v: Party): string {
  return v.personId ? `${PERSON}${v.personId}` : v.counterpart
}

export function partyFrom(choice: string): Party {
  return choice.startsWith(PERSON)
    ? { counterpart: '', personId: choice.slice(PERSON.length) }
    : { counterpart: choice, personId: '' }
}

/** 対象 as it will be recorded, for the form to show beside the choice. */
export function derivedCounterpart(v: Party, people: readonly Person[]): string {
  const person = v.personId ? people.find((p) => p.id === v.personId) : undefined
  const code: Counterpart | '' = person
    ? counterpartOf(person.relationship)
    : (v.counterpart as Counterpart | '')
  return code ? labelOf(COUNTERPARTS, code) : ''
}
