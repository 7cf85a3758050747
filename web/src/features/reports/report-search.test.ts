import { describe, expect, it } from 'vitest'
import { parseReportSearch } from './report-search.ts'

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
