import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { type CaseRef, CaseRefs } from './case-refs.ts'

describe('the packed case references of an import', () => {
  it('gives back every case as it was set, in the order first set, past the arrays growing', () => {
    const refs = new CaseRefs()
    const plain = new Map<string, CaseRef>()
    const days = [
      '2020-09-01',
      '2021-02-28',
      '2024-02-29',
      '0999-12-31',
      '9999-01-01',
      '1970-01-01',
      '1969-12-31',
    ]
    for (let i = 0; i < 5000; i++) {
      const ref: CaseRef = { id: randomUUID(), openedOn: i % 11 === 0 ? undefined : days[i % days.length] }
      if (i % 3 === 0) ref.row = i + 2
      refs.set(`2024-${String(i).padStart(5, '0')}`, ref)
      plain.set(`2024-${String(i).padStart(5, '0')}`, ref)
    }
    expect(refs.size).toBe(5000)
    expect([...refs]).toEqual([...plain])
    expect(refs.get('2024-00042')).toEqual(plain.get('2024-00042'))
    expect(refs.get('2024-99999')).toBeUndefined()
  })

  it('replaces a case set again in its place: a stored case the sheet names', () => {
    const refs = new CaseRefs()
    const stored = { id: randomUUID(), openedOn: '2021-04-01' }
    refs.set('A', stored)
    refs.set('B', { id: randomUUID(), openedOn: '2021-05-01' })
    const named = { id: stored.id, openedOn: '2021-04-02', row: 7 }
    refs.set('A', named)
    expect(refs.size).toBe(2)
    expect([...refs][0]).toEqual(['A', named])
  })

  it('refuses what it could not give back exactly', () => {
    const refs = new CaseRefs()
    expect(() => refs.set('A', { id: 'NOT-A-UUID', openedOn: undefined })).toThrow()
    expect(() => refs.set('B', { id: randomUUID().toUpperCase(), openedOn: undefined })).toThrow()
    expect(() => refs.set('C', { id: randomUUID(), openedOn: '2021-4-1' })).toThrow()
    expect(() => refs.set('D', { id: randomUUID(), openedOn: '2021-02-30' })).toThrow()
    expect(refs.size).toBe(0)
  })
})
