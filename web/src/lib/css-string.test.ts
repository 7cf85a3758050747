import { describe, expect, it } from 'vitest'
import { cssString } from './css-string.ts'

describe('cssString', () => {
  it('quotes text so that quotes, backslashes and line breaks cannot end the string', () => {
    expect(cssString('左京区')).toBe('"左京区"')
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\A d"')
  })
})
