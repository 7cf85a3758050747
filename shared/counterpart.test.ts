import { describe, expect, it } from 'vitest'
import { RELATIONSHIPS } from './codes.ts'
import { counterpartOf } from './counterpart.ts'

describe('counterpartOf', () => {
  it.each([
    ['self', 'self'],
    ['mother', 'family'],
    ['father', 'family'],
    ['sibling', 'family'],
    ['spouse', 'family'],
    ['grandparent', 'family'],
    ['child', 'family'],
    ['other_relative', 'family'],
    ['agency_staff', 'other'],
    ['other', 'other'],
  ] as const)('%s → %s', (relationship, counterpart) => {
    expect(counterpartOf(relationship)).toBe(counterpart)
  })
  it('covers every relationship', () => {
    for (const r of RELATIONSHIPS) expect(counterpartOf(r.code)).toBeDefined()
  })
})
