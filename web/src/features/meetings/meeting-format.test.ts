import { describe, expect, it } from 'vitest'
import {
  agendaCountText,
  agendaPeriodOver,
  leadText,
  meetingDateText,
  meetingWhenText,
} from './meeting-format.ts'

describe('meetingDateText', () => {
  it('writes the 和暦 date with its weekday', () => {
    expect(meetingDateText('2026-12-01')).toBe('令和8年12月1日（火）')
    expect(meetingDateText('2019-05-01')).toBe('令和元年5月1日（水）')
  })

  it('adds the start time when there is one', () => {
    expect(meetingWhenText('2026-12-01', '14:00')).toBe('令和8年12月1日（火） 14:00～')
    expect(meetingWhenText('2026-12-01', null)).toBe('令和8年12月1日（火）')
  })
})

describe('leadText', () => {
  it('names the section, worker or organisation after the kind of lead', () => {
    expect(leadText({ lead: 'ward_section', leadUnitName: '障害保健福祉課', leadAccountName: null })).toBe(
      '保健福祉センター各課・室（障害保健福祉課）',
    )
    expect(
      leadText({ lead: 'accompaniment', leadUnitName: 'よりそい支援員', leadAccountName: '山田 花子' }),
    ).toBe('よりそい支援員（山田 花子）')
    expect(leadText({ lead: 'specialist', leadUnitName: 'NPO法人ひだまり', leadAccountName: null })).toBe(
      '専門機関・NPO等（NPO法人ひだまり）',
    )
    expect(leadText({ lead: 'rediscuss', leadUnitName: null, leadAccountName: null })).toBe('再協議等')
  })
})

describe('agendaPeriodOver', () => {
  it('is over only after the last visible day', () => {
    expect(agendaPeriodOver('2026-12-31', '2026-12-31')).toBe(false)
    expect(agendaPeriodOver('2026-12-31', '2027-01-01')).toBe(true)
    expect(agendaPeriodOver(null, '2027-01-01')).toBe(false)
  })
})

describe('agendaCountText', () => {
  it('says when there is no agenda', () => {
    expect(agendaCountText(0, 0)).toBe('議題なし')
    expect(agendaCountText(12, 5)).toBe('12件（決定 5件）')
  })
})
