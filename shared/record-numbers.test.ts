import { describe, expect, it } from 'vitest'
import { caseNoReading, caseNoText, meetingNoReading, meetingNoText } from './record-numbers.ts'

describe('case numbers as staff read them', () => {
  it('reads the fiscal year in the era and the number without its zeros', () => {
    expect(caseNoReading('2026-00084')).toBe('令和8年度 第84号')
    expect(caseNoReading('2019-00001')).toBe('令和元年度 第1号')
    expect(caseNoText('2026-00084')).toBe('令和8年度 第84号（2026-00084）')
  })
  it('leaves a number of another shape as it is', () => {
    expect(caseNoReading('R3-北-5')).toBeNull()
    expect(caseNoText('R3-北-5')).toBe('R3-北-5')
  })
})

describe('meeting numbers as staff read them', () => {
  it('names the ward in Japanese and the date in the era, never romaji or 西暦', () => {
    const reading = meetingNoReading('kita-20261124')
    expect(reading).toBe('北区 令和8年11月24日')
    expect(reading).not.toMatch(/[a-z]|2026/u)
  })
  it('prefers the city’s own ward name and counts a second meeting of the day', () => {
    expect(meetingNoReading('kita-20261124-2', '北区役所')).toBe('北区役所 令和8年11月24日（2回目）')
    expect(meetingNoText('sakyo-20261201')).toBe('左京区 令和8年12月1日（sakyo-20261201）')
  })
  it('reads a ward code with a hyphen, and leaves unknown shapes alone', () => {
    expect(meetingNoReading('new-ward-20261201', '新区')).toBe('新区 令和8年12月1日')
    expect(meetingNoReading('unknownward-20261201')).toBeNull()
    expect(meetingNoReading('kita-20261332')).toBeNull()
    expect(meetingNoText('第5回')).toBe('第5回')
  })
})
