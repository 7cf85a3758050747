import { describe, expect, it } from 'vitest'
import { partiesMovingUp, placeNewcomer, waitlistPositions } from './seats.ts'

const p = (id: string, attendees: number, status: string) => ({ id, attendees, status })

describe('seats', () => {
  it('counts people, not registrations', () => {
    expect(placeNewcomer([p('a', 1, 'confirmed')], 1, 2)).toBe('confirmed')
    expect(placeNewcomer([p('a', 2, 'confirmed')], 1, 2)).toBe('waitlisted')
    expect(placeNewcomer([], 3, 2)).toBe('waitlisted')
    expect(placeNewcomer([p('a', 1, 'cancelled')], 2, 2)).toBe('confirmed')
  })

  it('a newcomer waits while anyone waits, even if a small party would fit', () => {
    expect(placeNewcomer([p('a', 1, 'confirmed'), p('b', 2, 'waitlisted')], 1, 2)).toBe('waitlisted')
  })

  it('moves up in order of arrival and stops at the first party that does not fit', () => {
    const parties = [
      p('a', 1, 'cancelled'),
      p('b', 1, 'confirmed'),
      p('c', 2, 'waitlisted'),
      p('d', 1, 'waitlisted'),
    ]
    expect(partiesMovingUp(parties, 2)).toEqual([])
    expect(partiesMovingUp(parties, 3).map((x) => x.id)).toEqual(['c'])
    expect(partiesMovingUp(parties, 4).map((x) => x.id)).toEqual(['c', 'd'])
  })

  it('numbers the waitlist from 1', () => {
    const positions = waitlistPositions([
      p('a', 1, 'confirmed'),
      p('b', 1, 'waitlisted'),
      p('c', 1, 'waitlisted'),
    ])
    expect([...positions]).toEqual([
      ['b', 1],
      ['c', 2],
    ])
  })
})
