import { describe, expect, it } from 'vitest'
import { ageAt, ageBandOf } from './age-band.ts'
import { findWard } from './codes.ts'

describe('age band at intake', () => {
  it('derives the band from the age, 39 and under vs 40 and over', () => {
    expect(ageBandOf(39)).toBe('under40')
    expect(ageBandOf(40)).toBe('40plus')
    expect(ageBandOf(null)).toBe('unknown')
  })
  it('uses the age reached in the opening year when only the birth year is known', () => {
    expect(ageAt('2021-08-31', null, 1981)).toBe(40)
    expect(ageAt('2021-08-31', 35, 1981)).toBe(35)
    expect(ageAt('2021-08-31', null, null)).toBeNull()
  })
})

describe('findWard', () => {
  it('accepts the code or the name with or without 区 / 支所 / 区役所', () => {
    expect(findWard('sakyo')).toBe('sakyo')
    expect(findWard('左京区')).toBe('sakyo')
    expect(findWard('左京')).toBe('sakyo')
    expect(findWard('左京区役所')).toBe('sakyo')
    expect(findWard('深草支所')).toBe('fukakusa')
    expect(findWard('深草')).toBe('fukakusa')
    expect(findWard('大阪')).toBeUndefined()
  })
})
