import { describe, expect, it } from 'vitest'
import { INVALID_DATE_MESSAGE, optionalDateInput } from './common.ts'

describe('optionalDateInput', () => {
  it('treats empty, blank, null and missing as not given', () => {
    for (const v of ['', '  ', null, undefined]) expect(optionalDateInput.parse(v)).toBeNull()
  })

  it('normalises a 西暦 date to ISO', () => {
    expect(optionalDateInput.parse('2021/8/31')).toBe('2021-08-31')
    expect(optionalDateInput.parse(' 2021-08-31 ')).toBe('2021-08-31')
  })

  it('refuses an impossible date with the one Japanese wording, not a generic message', () => {
    const result = optionalDateInput.safeParse('2021-02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.message)).toEqual([INVALID_DATE_MESSAGE])
  })
})
