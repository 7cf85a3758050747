import { describe, expect, it } from 'vitest'
import {
  fiscalYearLabel,
  fiscalYearOf,
  formatDateBoth,
  formatInstant,
  formatWareki,
  formatWarekiMonthShort,
  startOfWeek,
  tokyoDate,
} from './dates.ts'

describe('和暦', () => {
  it('formats dates in the Japanese era, with 元年 for the first year', () => {
    expect(formatWareki('2021-08-31')).toBe('令和3年8月31日')
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日')
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日')
    expect(formatDateBoth('2021-08-31')).toBe('2021年8月31日（令和3年8月31日）')
  })
  it('writes a month short for chart axes: R3.1, R1.5 for 元年, H31.4 before the change', () => {
    expect(formatWarekiMonthShort('2021-01')).toBe('R3.1')
    expect(formatWarekiMonthShort('2020-12')).toBe('R2.12')
    expect(formatWarekiMonthShort('2019-05')).toBe('R1.5')
    expect(formatWarekiMonthShort('2019-04')).toBe('H31.4')
    expect(formatWarekiMonthShort('not-a-month')).toBe('not-a-month')
  })
  it('names fiscal years as 令和N年度', () => {
    expect(fiscalYearOf('2021-03-31')).toBe(2020)
    expect(fiscalYearOf('2021-04-01')).toBe(2021)
    expect(fiscalYearLabel(2021)).toBe('令和3年度')
    expect(fiscalYearLabel(2019)).toBe('令和元年度')
  })
})

describe('Asia/Tokyo whatever the machine zone', () => {
  it('turns UTC instants into Tokyo dates and times', () => {
    // 2021-08-31 15:30 UTC is already 1 September in Tokyo.
    const at = new Date('2021-08-31T15:30:00Z')
    expect(tokyoDate(at)).toBe('2021-09-01')
    expect(formatInstant(at)).toBe('令和3年9月1日 00:30')
  })
  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-11-24')).toBe('2026-11-23')
    expect(startOfWeek('2026-11-29')).toBe('2026-11-23')
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23')
  })
})
