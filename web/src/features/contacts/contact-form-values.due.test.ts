import { describe, expect, it } from 'vitest'
import { checkContact, contactBody, emptyContactValues } from './contact-form-values.ts'

const filled = { ...emptyContactValues(), method: 'phone', counterpart: 'family' }

describe('the next step’s due date in the contact form', () => {
  it('asks for the date when only a time is typed, before any round trip', () => {
    expect(checkContact({ ...filled, nextStepDueTime: '10:00' })).toEqual({
      nextStepDueTime: '時刻を入れるときは、次の対応の期日も入力してください',
    })
    expect(checkContact({ ...filled, nextStepDueOn: 'R8.12.1', nextStepDueTime: '10:00' })).toEqual({})
  })

  it('sends the date as typed (the server reads 和暦) and blanks as null', () => {
    expect(contactBody({ ...filled, nextStepDueOn: 'R8.12.1' })).toMatchObject({
      nextStepDueOn: 'R8.12.1',
      nextStepDueTime: null,
    })
  })
})
