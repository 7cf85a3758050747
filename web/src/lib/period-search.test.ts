import { describe, expect, it } from 'vitest'
import { parsePeriodSearch } from './period-search.ts'

describe('parsePeriodSearch', () => {
  it('keeps a known period and a page after the first; upcoming and page 1 stay out of the URL', () => {
    expect(parsePeriodSearch({ when: 'past', page: '3' })).toEqual({ when: 'past', page: 3 })
    expect(parsePeriodSearch({ when: 'upcoming', page: '1' })).toEqual({})
  })

  it('drops what it does not know', () => {
    expect(parsePeriodSearch({ when: 'someday', page: '-2' })).toEqual({})
    expect(parsePeriodSearch({ page: '1.5' })).toEqual({})
  })
})
