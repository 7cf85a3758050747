import { describe, expect, it } from 'vitest'
import { sameDateMeeting, sameDateMessage } from './same-date.ts'

const meeting = { id: 'm1', ward: 'kita', heldOn: '2026-12-01' }
const other = { id: 'm2', ward: 'kita', wardName: '北区', heldOn: '2026-12-15', meetingNo: 'kita-20261215' }
const elsewhere = {
  ...other,
  id: 'm3',
  ward: 'sakyo',
  wardName: '左京区',
  meetingNo: 'sakyo-20261222',
  heldOn: '2026-12-22',
}

describe('a meeting moved to a date with another meeting of its ward', () => {
  it('finds the ward’s other meeting on the new date, however the date is typed', () => {
    expect(sameDateMeeting(meeting, '2026/12/15', [other])).toBe(other)
    expect(sameDateMeeting(meeting, '令和8年12月15日', [other])).toBe(other)
  })

  it('asks nothing when the date stays, is free, is not a date, or only another ward meets then', () => {
    expect(sameDateMeeting(meeting, '2026/12/01', [{ ...other, heldOn: '2026-12-01' }])).toBeUndefined()
    expect(sameDateMeeting(meeting, '2026/12/16', [other])).toBeUndefined()
    expect(sameDateMeeting(meeting, '12月35日', [other])).toBeUndefined()
    expect(sameDateMeeting(meeting, '2026/12/22', [elsewhere])).toBeUndefined()
    // The meeting itself, listed under its old date, is not its own neighbour.
    expect(sameDateMeeting(meeting, '2026/12/15', [{ ...other, id: 'm1' }])).toBeUndefined()
  })

  it('names the date and the meeting already there', () => {
    expect(sameDateMessage(other)).toBe(
      '令和8年12月15日（火）には、この区の会議（北区 令和8年12月15日（kita-20261215））が既に予定されています。この会議を同じ日に移す場合は、確認してください。',
    )
  })
})
