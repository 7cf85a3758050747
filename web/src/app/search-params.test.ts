import { describe, expect, it } from 'vitest'
import { parseSearch, stringifySearch } from './search-params.ts'

describe('search params in the address bar', () => {
  it('writes text as it is: no JSON quotes around true, numbers or dates', () => {
    expect(stringifySearch({ flag8050: 'true', q: '0751234567', from: '2024' })).toBe(
      '?flag8050=true&q=0751234567&from=2024',
    )
  })

  it('reads every value back as text (a case number stays text, a phone number keeps its leading 0)', () => {
    expect(parseSearch('?flag8050=true&q=0751234567&no=12345&page=2&name=%E5%B1%B1%E7%94%B0')).toEqual({
      flag8050: 'true',
      q: '0751234567',
      no: '12345',
      page: '2',
      name: '山田',
    })
  })

  it('round-trips what it writes', () => {
    const search = { q: '"quoted" [1]', ward: 'sakyo', created: 'true' }
    expect(parseSearch(stringifySearch(search))).toEqual(search)
  })
})
