import { describe, expect, it } from 'vitest'
import { seatsText, seminarPlaceText, seminarWhenText } from './seminar-format.ts'

describe('seminar texts', () => {
  it('shows the date in 和暦 with its weekday and the times', () => {
    expect(seminarWhenText({ heldOn: '2026-12-12', startTime: '14:00', endTime: '16:00' })).toBe(
      '令和8年12月12日（土） 14:00～16:00',
    )
    expect(seminarWhenText({ heldOn: '2026-12-12', startTime: '14:00', endTime: null })).toBe(
      '令和8年12月12日（土） 14:00～',
    )
  })

  it('names the place, online, or both', () => {
    expect(seminarPlaceText({ place: '第2会議室', online: true })).toBe('第2会議室／オンライン')
    expect(seminarPlaceText({ place: null, online: true })).toBe('オンライン')
  })

  it('counts people and the waitlist', () => {
    expect(seatsText({ confirmedPeople: 2, capacity: 2, waitlistedPeople: 1 })).toBe(
      '2人／定員2人（キャンセル待ち1人）',
    )
    expect(seatsText({ confirmedPeople: 0, capacity: 20, waitlistedPeople: 0 })).toBe('0人／定員20人')
  })
})
