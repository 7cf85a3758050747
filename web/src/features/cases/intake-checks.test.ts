import { describe, expect, it } from 'vitest'
import { INVALID_DATE_MESSAGE } from '#shared/contracts/common.ts'
import { PHONE_MESSAGES } from '#shared/phone.ts'
import { emptyCaseValues } from './case-form-values.ts'
import { emptyConsulter } from './consulter-values.ts'
import { emptyFirstContact } from './first-contact-values.ts'
import { checkIntake } from './intake-checks.ts'

const filled = {
  values: { ...emptyCaseValues(), openedOn: 'R8.12.1' },
  caller: { ...emptyConsulter(), relationship: 'mother', phone: '０７５（１２３）４５６７' },
  first: {
    ...emptyFirstContact(),
    method: 'phone',
    contactedOn: '令和8年12月1日',
    nextStepDueOn: '2026/12/8',
  },
}

describe('checkIntake', () => {
  it('passes a form the server would take, 和暦 and full-width phone digits included', () => {
    expect(checkIntake(filled.values, null, filled.caller, filled.first)).toEqual({ fields: {} })
  })

  it('reports every error at once: impossible dates, a short phone number, and the missing choices', () => {
    const { fields } = checkIntake(
      { ...emptyCaseValues(), openedOn: 'R8.2.30' },
      '',
      { ...emptyConsulter(), phone: '12-34' },
      { ...emptyFirstContact(), contactedOn: '2026/13/1', nextStepDueOn: 'H31.5.1' },
    )
    expect(fields).toEqual({
      wardRoute: '新規ケース経路を選択してください',
      openedOn: INVALID_DATE_MESSAGE,
      firstConsulter: '相談者を選択してください',
      'consulter.relationship': '続柄を選択してください',
      'consulter.phones': PHONE_MESSAGES.length,
      'firstContact.method': '手法を選択してください',
      'firstContact.contactedOn': INVALID_DATE_MESSAGE,
      'firstContact.nextStepDueOn': '和暦の日付が元号の期間外です',
    })
  })

  it('asks for 受付日 when blank, leaves optional dates blank, and refuses letters in a phone number', () => {
    const { fields } = checkIntake(
      { ...filled.values, openedOn: ' ' },
      null,
      { ...filled.caller, phone: '075-abc' },
      { ...filled.first, contactedOn: '', nextStepDueOn: '' },
    )
    expect(fields).toEqual({
      openedOn: '受付日を入力してください',
      'consulter.phones': PHONE_MESSAGES.characters,
    })
  })
})
