import { describe, expect, it } from 'vitest'
import type { Person } from '#shared/contracts/people.ts'
import { PHONE_MESSAGES } from '#shared/phone.ts'
import { cautionsOf } from '#web/lib/contact-cautions.ts'
import {
  changedPersonBody,
  checkPerson,
  emptyPersonValues,
  personBody,
  valuesFromPerson,
} from './person-form-values.ts'

const mother: Person = {
  id: '00000000-0000-4000-8000-000000000001',
  caseId: '00000000-0000-4000-8000-000000000002',
  personNo: 1,
  relationship: 'mother',
  consulter: true,
  name: '山田 花子',
  kana: null,
  age: 72,
  livesWith: true,
  phones: [{ label: 'home', number: '０７５（１２３）４５６７', digits: '0751234567' }],
  mail: null,
  address: null,
  ward: null,
  bestTime: null,
  mayNameCity: false,
  mayLeaveMessage: null,
  keepFromPerson: true,
  care: ['care_needs'],
  version: 1,
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
}

describe('person form values', () => {
  it('sends tri-state answers as true/false/null and drops empty phone rows', () => {
    const v = {
      ...emptyPersonValues(),
      relationship: 'father',
      livesWith: 'no' as const,
      mayNameCity: 'yes' as const,
    }
    v.phones = [
      { label: 'mobile', number: ' 090-1234-5678 ' },
      { label: '', number: '  ' },
    ]
    expect(personBody(v)).toMatchObject({
      relationship: 'father',
      livesWith: false,
      mayNameCity: true,
      mayLeaveMessage: null,
      phones: [{ label: 'mobile', number: ' 090-1234-5678 ' }],
      name: null,
    })
  })

  it('round-trips a person and sends only what changed, phones as a whole list', () => {
    const before = valuesFromPerson(mother)
    expect(changedPersonBody(before, before)).toEqual({})
    const after = {
      ...before,
      mayLeaveMessage: 'no' as const,
      phones: [...before.phones, { label: 'mobile', number: '090-0000-1111' }],
    }
    expect(changedPersonBody(before, after)).toEqual({
      mayLeaveMessage: false,
      phones: [
        { label: 'home', number: '０７５（１２３）４５６７' },
        { label: 'mobile', number: '090-0000-1111' },
      ],
    })
  })

  it('checks the relationship and each phone row with the server’s rule', () => {
    const v = {
      ...emptyPersonValues(),
      phones: [
        { label: '', number: '075-123-4567' },
        { label: '', number: '12-34' },
        { label: '', number: '075-abc' },
      ],
    }
    expect(checkPerson(v)).toEqual({
      relationship: '続柄を選択してください',
      'phones.1': PHONE_MESSAGES.length,
      'phones.2': PHONE_MESSAGES.characters,
    })
  })
})

describe('contact cautions', () => {
  it('puts what must not be done first, then what was not asked, then what is allowed', () => {
    expect(cautionsOf(mother)).toEqual([
      { text: '本人に知られないように連絡する', warn: true },
      { text: '市役所名を名乗らない', warn: true },
      { text: '留守電に残してよいか未確認', warn: true },
    ])
    expect(cautionsOf({ keepFromPerson: false, mayNameCity: true, mayLeaveMessage: true })).toEqual([
      { text: '市役所名を名乗ってよい', warn: false },
      { text: '留守電に残してよい', warn: false },
      { text: '本人に知られてもよい', warn: false },
    ])
  })
})
