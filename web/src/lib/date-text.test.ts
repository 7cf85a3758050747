import { describe, expect, it } from 'vitest'
import { dateReadingText, slashDate } from './date-text.ts'

describe('dateReadingText (what a date field reads back)', () => {
  it.each([
    ['令和8年12月1日', '2026年12月1日（令和8年）'],
    ['R8.12.1', '2026年12月1日（令和8年）'],
    ['ｒ８．１２．１', '2026年12月1日（令和8年）'],
    ['2026/12/1', '2026年12月1日（令和8年）'],
    ['令和元年5月1日', '2019年5月1日（令和元年）'],
  ])('reads %s back', (typed, shown) => {
    expect(dateReadingText(typed)).toBe(shown)
  })

  it('says briefly why text is no date, and nothing while the field is blank', () => {
    expect(dateReadingText('R8.1')).toBe('日付として読み取れません')
    expect(dateReadingText('R8.2.30')).toBe('実在しない日付です')
    expect(dateReadingText('平成31年5月1日')).toBe('和暦の日付が元号の期間外です')
    expect(dateReadingText('  ')).toBe('')
  })
})

describe('slashDate', () => {
  it('writes an ISO date the way staff do', () => {
    expect(slashDate('2026-12-01')).toBe('2026/12/1')
  })
})
