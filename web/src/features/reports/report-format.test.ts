import { describe, expect, it } from 'vitest'
import { monthLabel, shortMonthLabel } from './report-format.ts'

describe('months in 和暦', () => {
  it('labels a chart axis R2.9, 10, 11, 12, R3.1, 2 … and the data table 令和2年9月', () => {
    const months = ['2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02']
    expect(months.map((m, i) => shortMonthLabel(m, i))).toEqual(['R2.9', '10', '11', '12', 'R3.1', '2'])
    expect(monthLabel('2019-05')).toBe('令和元年5月')
  })
})
