import { describe, expect, it } from 'vitest'
import { consentAccess, isAtWard, mayAssess } from './ward-access.ts'

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
    expect(mayAssess('ward_coordinator', handedOver)).toBe(true)
    expect(mayAssess('ward_staff', wardCase)).toBe(true)
    expect(mayAssess('window_counsellor', handedOver)).toBe(false)
    expect(mayAssess('accompaniment_worker', wardCase)).toBe(false)
    expect(mayAssess('ward_coordinator', { ...wardCase, status: 'closed' })).toBe(false)
  })

  it('gives the consent to the window until the handover, then to the ward', () => {
    expect(consentAccess('window_counsellor', windowCase)).toBe('edit')
    expect(consentAccess('window_counsellor', handedOver)).toBe('read')
    expect(consentAccess('ward_staff', handedOver)).toBe('edit')
    expect(consentAccess('ward_coordinator', wardCase)).toBe('edit')
    expect(consentAccess('agency_member', wardCase)).toBe('read')
    expect(consentAccess('ward_coordinator', { ...wardCase, status: 'closed' })).toBe('withdraw')
    expect(consentAccess('window_counsellor', { ...windowCase, status: 'closed' })).toBe('withdraw')
  })
})
