import { describe, expect, it } from 'vitest'
import { issueCount } from './issue-count.ts'

describe('issueCount', () => {
  it('says the total alone when every issue is listed', () => {
    expect(issueCount(3, 3)).toBe('3件')
    expect(issueCount(1000, 1000)).toBe('1,000件')
  })
  it('says that only the first ones are listed when there are more', () => {
    expect(issueCount(1000, 12_345)).toBe('全12,345件のうち最初の1,000件')
  })
})
