import { describe, expect, it } from 'vitest'
import { axisMax, axisTicks, slantLabels } from './bar-chart-scale.ts'

describe('the bar chart value axis', () => {
  it('ends a tenth above the tallest bar, at 1 when every bar is 0', () => {
    expect(axisMax([3, 40, 12])).toBe(44)
    expect(axisMax([1])).toBe(2)
    expect(axisMax([0, 0])).toBe(1)
    expect(axisMax([])).toBe(1)
  })

  it('has grid lines at whole round steps from 0', () => {
    expect(axisTicks(44)).toEqual([0, 10, 20, 30, 40])
    expect(axisTicks(1)).toEqual([0, 1])
    expect(axisTicks(7)).toEqual([0, 2, 4, 6])
    expect(axisTicks(1320)).toEqual([0, 500, 1000])
    expect(axisTicks(240)).toEqual([0, 50, 100, 150, 200])
  })

  it('slants the labels only when the widest does not fit its slot', () => {
    // 12 months in 384 px (wide screen) and in 232 px (a 320 px phone); 「R7.9」 is about 28 px.
    expect(slantLabels([28, 14, 14], 384 / 12)).toBe(false)
    expect(slantLabels([28, 14, 14], 232 / 12)).toBe(true)
    expect(slantLabels([], 10)).toBe(false)
  })
})
