import { describe, expect, it } from 'vitest'
import { percentHalfUp, percentsLargestRemainder } from './percent.ts'

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 10)

describe('percentHalfUp', () => {
  it('rounds exact halves up, on integers (9 ÷ 16 = 56.25 → 56.3)', () => {
    expect(percentHalfUp(9, 16)).toBe(56.3)
    expect(percentHalfUp(5, 16)).toBe(31.3)
    expect(percentHalfUp(1, 16)).toBe(6.3)
    expect(percentHalfUp(6, 16)).toBe(37.5)
    expect(percentHalfUp(1, 8)).toBe(12.5)
  })

  it('rounds below a half down and above it up', () => {
    expect(percentHalfUp(1, 3)).toBe(33.3)
    expect(percentHalfUp(2, 3)).toBe(66.7)
    expect(percentHalfUp(10, 15)).toBe(66.7)
    expect(percentHalfUp(1, 15)).toBe(6.7)
    expect(percentHalfUp(2, 15)).toBe(13.3)
  })

  it('gives whole numbers and the edges', () => {
    expect(percentHalfUp(0, 23)).toBe(0)
    expect(percentHalfUp(23, 23)).toBe(100)
    expect(percentHalfUp(3, 0)).toBe(0)
    expect(percentHalfUp(0, 0)).toBe(0)
  })
})

describe('percentsLargestRemainder', () => {
  it('the seed’s 23 consulters: 13, 4, 5, 1, 0 give 56.5, 17.4, 21.7, 4.4, 0.0', () => {
    // Floors in tenths: 565, 173, 217, 43, 0 = 998; remainders ×23: 5, 21, 9, 11, 0.
    // The two largest (17.3… and 4.3…) get the missing 0.2.
    const p = percentsLargestRemainder([13, 4, 5, 1, 0], 23)
    expect(p).toEqual([56.5, 17.4, 21.7, 4.4, 0])
    expect(sum(p)).toBe(1000)
  })

  it('the same counts in another order keep each option’s value', () => {
    expect(percentsLargestRemainder([13, 4, 5, 0, 1], 23)).toEqual([56.5, 17.4, 21.7, 0, 4.4])
  })

  it('ties go to the earlier option', () => {
    expect(percentsLargestRemainder([1, 1, 1], 3)).toEqual([33.4, 33.3, 33.3])
    // Floors 142 × 7 = 994: the six missing tenths go to the first six of seven equal remainders.
    expect(percentsLargestRemainder([1, 1, 1, 1, 1, 1, 1], 7)).toEqual([
      14.3, 14.3, 14.3, 14.3, 14.3, 14.3, 14.2,
    ])
    // A larger remainder wins over an earlier one: 2/6 leaves 2, 1/6 leaves 4 (in 1/6000ths).
    expect(percentsLargestRemainder([2, 1, 1, 2], 6)).toEqual([33.3, 16.7, 16.7, 33.3])
  })

  it('exact shares need no adjustment; an empty whole gives zeros', () => {
    expect(percentsLargestRemainder([1, 1, 2], 4)).toEqual([25, 25, 50])
    expect(percentsLargestRemainder([0, 0], 0)).toEqual([0, 0])
    expect(percentsLargestRemainder([], 0)).toEqual([])
  })

  it('adds up to 100.0 for many splits', () => {
    for (let total = 1; total <= 60; total++) {
      for (let a = 0; a <= total; a += 3) {
        const b = Math.floor((total - a) / 2)
        const p = percentsLargestRemainder([a, b, total - a - b], total)
        expect(sum(p)).toBe(1000)
      }
    }
  })
})
