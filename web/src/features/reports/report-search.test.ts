import { describe, expect, it } from 'vitest'
import { monthlyPeriods, parseReportSearch } from './report-search.ts'

describe('parseReportSearch', () => {
  it('keeps the 8050 filter however the router read it, and drops it otherwise', () => {
    const period = { from: '2026-04-01', to: '2027-03-31' }
    expect(parseReportSearch({ ...period, flag8050: true })).toEqual({ ...period, flag8050: 'true' })
    expect(parseReportSearch({ ...period, flag8050: 'true' })).toEqual({ ...period, flag8050: 'true' })
    expect(parseReportSearch({ ...period, flag8050: false })).toEqual(period)
    expect(parseReportSearch({ ...period, flag8050: 'yes' })).toEqual(period)
  })

  it('trims the text conditions and leaves out blank ones', () => {
    expect(parseReportSearch({ from: ' 2026-04-01 ', ward: '', baseline: 42 })).toEqual({
      from: '2026-04-01',
    })
  })
})

describe('monthlyPeriods', () => {
  it('on the first of a month: the month before and its fiscal year up to that month', () => {
    expect(monthlyPeriods('2026-12-01')).toEqual({
      month: { label: '令和8年11月', from: '2026-11-01', to: '2026-11-30' },
      yearToDate: { label: '令和8年度（令和8年11月まで）', from: '2026-04-01', to: '2026-11-30' },
    })
  })

  it('in January the past month is last year’s December; in April the year is the one just closed', () => {
    expect(monthlyPeriods('2027-01-15').month).toEqual({
      label: '令和8年12月',
      from: '2026-12-01',
      to: '2026-12-31',
    })
    expect(monthlyPeriods('2027-04-01').yearToDate).toEqual({
      label: '令和8年度（令和9年3月まで）',
      from: '2026-04-01',
      to: '2027-03-31',
    })
    expect(monthlyPeriods('2024-03-10').month.to).toBe('2024-02-29')
  })
})
