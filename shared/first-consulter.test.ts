import { describe, expect, it } from 'vitest'
import { RELATIONSHIPS } from './codes.ts'
import {
  counterpartOfFirstConsulter,
  firstConsulterOfCounterpart,
  firstConsulterOfRelationship,
} from './first-consulter.ts'

describe('first consulter and counterpart', () => {
  it('maps 相談者 to the contact’s 対象: an agency is その他', () => {
    expect(counterpartOfFirstConsulter('self')).toBe('self')
    expect(counterpartOfFirstConsulter('family')).toBe('family')
    expect(counterpartOfFirstConsulter('agency')).toBe('other')
    expect(counterpartOfFirstConsulter('other')).toBe('other')
  })

  it('maps 対象 back to 相談者', () => {
    expect(firstConsulterOfCounterpart('self')).toBe('self')
    expect(firstConsulterOfCounterpart('family')).toBe('family')
    expect(firstConsulterOfCounterpart('other')).toBe('other')
  })

  it('maps every 続柄 to a first consulter', () => {
    const table = Object.fromEntries(RELATIONSHIPS.map((r) => [r.code, firstConsulterOfRelationship(r.code)]))
    expect(table).toEqual({
      self: 'self',
      mother: 'family',
      father: 'family',
      sibling: 'family',
      spouse: 'family',
      grandparent: 'family',
      child: 'family',
      other_relative: 'family',
      agency_staff: 'agency',
      other: 'other',
    })
  })
})
