import { describe, expect, it } from 'vitest'
import { wardOfAddress } from './ward-of-address.ts'

describe('wardOfAddress', () => {
  it.each([
    ['京都市左京区下鴨1-2-3', 'sakyo'],
    ['京都府京都市上京区今出川', 'kamigyo'],
    ['左京区', 'sakyo'],
    ['京都市 北区 紫野', 'kita'],
    ['京都市西京区大枝', 'nishikyo'],
    ['京都市伏見区深草', 'fushimi'],
    ['京都市下京区', 'shimogyo'],
    ['京都市東山区', 'higashiyama'],
    ['大阪市北区梅田', null],
    ['宇治市', null],
    ['下鴨1-2-3', null],
    ['', null],
    [null, null],
  ] as const)('%j → %s', (address, ward) => {
    expect(wardOfAddress(address)).toBe(ward)
  })
})
