import { describe, expect, it } from 'vitest'
import { ApiError } from '#web/lib/api-error.ts'
import {
  settingsBody,
  settingsErrorsFrom,
  settingsFieldId,
  valuesFromSettings,
} from './settings-form-values.ts'

const stored = {
  noContactDays: 14,
  agencyViewDays: 30,
  handoverWaitDays: 30,
  caseloadThresholds: { accompaniment_worker: 15, ward_staff: 20, agency_member: 20 },
  twoFactorRoles: ['headquarters' as const, 'admin' as const],
  seminarRetentionDays: 365,
}

describe('settings form values', () => {
  it('round-trips the stored settings through the form as typed text', () => {
    const values = valuesFromSettings(stored)
    expect(values['caseloadThresholds.ward_staff']).toBe('20')
    expect(values.seminarRetentionDays).toBe('365')
    expect(settingsBody({ ...values, agencyViewDays: '7', seminarRetentionDays: '９０' }, ['admin'])).toEqual(
      {
        twoFactorRoles: ['admin'],
        noContactDays: '14',
        agencyViewDays: '7',
        handoverWaitDays: '30',
        caseloadThresholds: { accompaniment_worker: '15', ward_staff: '20', agency_member: '20' },
        // As typed: the server names what is wrong with it (full-width digits included).
        seminarRetentionDays: '９０',
      },
    )
  })

  it('puts each threshold’s error under its own control', () => {
    const error = new ApiError({
      type: 'urn:yorisoi:problem:validation',
      title: '入力内容に誤りがあります',
      status: 400,
      errors: [
        { field: 'caseloadThresholds.ward_staff', message: '1件以上で入力してください' },
        { field: 'agencyViewDays', message: '365日以内で入力してください' },
        { field: 'somethingElse', message: '不明な項目' },
        { field: 'twoFactorRoles.1', message: '役割の値が正しくありません' },
        { field: 'seminarRetentionDays', message: '30日以上で入力してください' },
      ],
    })
    expect(settingsErrorsFrom(error)).toEqual({
      fields: {
        'caseloadThresholds.ward_staff': '1件以上で入力してください',
        agencyViewDays: '365日以内で入力してください',
        twoFactorRoles: '役割の値が正しくありません',
        seminarRetentionDays: '30日以上で入力してください',
      },
      general: '不明な項目',
    })
    expect(settingsFieldId('caseloadThresholds.ward_staff')).toBe('caseloadThresholds-ward_staff')
  })
})
