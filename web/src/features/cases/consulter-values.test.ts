import { describe, expect, it } from 'vitest'
import { checkConsulter, consulterBody, emptyConsulter } from './consulter-values.ts'

describe('consulterBody', () => {
  it('sends nobody when nothing was entered', () => {
    expect(consulterBody(emptyConsulter())).toBeNull()
    expect(checkConsulter(emptyConsulter())).toEqual({})
  })

  it('sends the phone as typed with its label, and はい/いいえ/未確認 as true/false/null', () => {
    const body = consulterBody({
      ...emptyConsulter(),
      relationship: 'mother',
      name: ' 山田 花子 ',
      age: '72',
      livesWith: 'yes',
      phoneLabel: 'home',
      phone: '０７５（１２３）４５６７',
      mayNameCity: 'no',
      keepFromPerson: 'yes',
    })
    expect(body).toEqual({
      relationship: 'mother',
      name: '山田 花子',
      kana: null,
      age: '72',
      livesWith: true,
      phones: [{ label: 'home', number: '０７５（１２３）４５６７' }],
      mayNameCity: false,
      mayLeaveMessage: null,
      keepFromPerson: true,
    })
  })

  it('asks for the 続柄 once anything about the caller is entered', () => {
    expect(checkConsulter({ ...emptyConsulter(), phone: '075-123-4567' })).toEqual({
      'consulter.relationship': '続柄を選択してください',
    })
  })
})
