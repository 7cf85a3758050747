import { describe, expect, it } from 'vitest'
import { checkContact, contactBody, emptyContactValues, presetFromLast } from './contact-form-values.ts'

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

describe('a new contact starts from the last one', () => {
  it('preselects the last contact’s method and counterpart (its person, when it named one), and nothing without one', () => {
    const last = { method: 'visit', counterpart: 'self', personId: null } as Parameters<
      typeof presetFromLast
    >[0]
    expect(presetFromLast(last)).toEqual({ method: 'visit', counterpart: 'self', personId: '' })
    const withMother = { ...last!, counterpart: 'family', personId: 'p-1' } as Parameters<
      typeof presetFromLast
    >[0]
    expect(presetFromLast(withMother)).toMatchObject({ counterpart: 'family', personId: 'p-1' })
    expect(presetFromLast(undefined)).toEqual({})
  })
})
