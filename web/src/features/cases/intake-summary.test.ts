import { describe, expect, it } from 'vitest'
import { consulterText, describeFirstContact, dueText } from './intake-summary.ts'

describe('describeFirstContact', () => {
  it('says when, how, how long and with whom', () => {
    expect(
      describeFirstContact({
        contactedOn: '2026-11-20',
        time: '10:15',
        method: 'phone',
        minutes: 30,
        counterpart: 'family',
      }),
    ).toBe('2026年11月20日（令和8年11月20日） 10:15・電話・30分・対象：家族・親族')
  })

  it('leaves out what was not recorded', () => {
    expect(
      describeFirstContact({
        contactedOn: '2026-11-20',
        time: null,
        method: 'in_person',
        minutes: null,
        counterpart: 'self',
      }),
    ).toBe('2026年11月20日（令和8年11月20日）・面談・対象：本人')
  })
})

describe('dueText', () => {
  it('gives the due day with its time when there is one', () => {
    expect(dueText({ nextStepDueOn: '2026-11-30', nextStepDueTime: '09:30' })).toBe(
      '2026年11月30日（令和8年11月30日） 09:30',
    )
    expect(dueText({ nextStepDueOn: '2026-11-30', nextStepDueTime: null })).toBe(
      '2026年11月30日（令和8年11月30日）',
    )
    expect(dueText({ nextStepDueOn: null, nextStepDueTime: null })).toBe('')
  })
})

describe('the saved consulter', () => {
  it('names them with 続柄, age and 同居', () => {
    expect(consulterText({ relationship: 'mother', name: '山田 花子', age: 72, livesWith: true })).toBe(
      '母 山田 花子（72歳・同居）',
    )
    expect(consulterText({ relationship: 'agency_staff', name: null, age: null, livesWith: null })).toBe(
      '関係機関職員',
    )
  })
})
