import { describe, expect, it } from 'vitest'
import { consentAccess, isAtWard, mayAssess } from './ward-access.ts'

// The two sides as the session's `can` names them (the server's test checks them per role).
const WINDOW = { intakeAtWindow: true, intakeAtWard: false }
const WARD = { intakeAtWindow: false, intakeAtWard: true }
const NEITHER = { intakeAtWindow: false, intakeAtWard: false }

const windowCase = { intakeUnit: 'window', handedOverTo: null, status: 'open' } as const
const handedOver = { intakeUnit: 'window', handedOverTo: 'sakyo', status: 'handed_over' } as const
const wardCase = { intakeUnit: 'sakyo', handedOverTo: null, status: 'open' } as const

describe('the ward panel’s access rules', () => {
  it('knows the cases at a ward', () => {
    expect(isAtWard(windowCase)).toBe(false)
    expect(isAtWard(handedOver)).toBe(true)
    expect(isAtWard(wardCase)).toBe(true)
  })

  it('lets the ward assess its open cases only', () => {
    expect(mayAssess(WARD, handedOver)).toBe(true)
    expect(mayAssess(WARD, wardCase)).toBe(true)
    expect(mayAssess(WINDOW, handedOver)).toBe(false)
    expect(mayAssess(NEITHER, wardCase)).toBe(false)
    expect(mayAssess(WARD, { ...wardCase, status: 'closed' })).toBe(false)
  })

  it('gives the consent to the window until the handover, then to the ward', () => {
    expect(consentAccess(WINDOW, windowCase)).toBe('edit')
    expect(consentAccess(WINDOW, handedOver)).toBe('read')
    expect(consentAccess(WARD, handedOver)).toBe('edit')
    expect(consentAccess(WARD, wardCase)).toBe('edit')
    expect(consentAccess(NEITHER, wardCase)).toBe('read')
    expect(consentAccess(WARD, { ...wardCase, status: 'closed' })).toBe('withdraw')
    expect(consentAccess(WINDOW, { ...windowCase, status: 'closed' })).toBe('withdraw')
  })
})
