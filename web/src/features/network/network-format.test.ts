import { describe, expect, it } from 'vitest'
import { networkDateText, networkWhenText } from './network-format.ts'

describe('network meeting dates', () => {
  it('shows the 和暦 date with its weekday, and the start time when set', () => {
    expect(networkDateText('2026-12-10')).toBe('令和8年12月10日（木）')
    expect(networkWhenText('2026-12-10', '14:00')).toBe('令和8年12月10日（木） 14:00～')
    expect(networkWhenText('2026-12-10', null)).toBe('令和8年12月10日（木）')
  })
})
