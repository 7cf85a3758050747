import { describe, expect, it } from 'vitest'
import { INQUIRY_SETTING_DEFAULTS } from '#shared/inquiry-settings.ts'
import {
  inquirySettingsBody,
  valuesFromInquirySettings,
  wordNumberOfError,
} from './inquiry-settings-values.ts'

describe('the web consultation settings form', () => {
  it('shows the words one per line and sends them back without blank lines', () => {
    const values = valuesFromInquirySettings({
      ...INQUIRY_SETTING_DEFAULTS,
      crisisWords: ['死にたい', '自殺'],
    })
    expect(values).toEqual({
      crisisWords: '死にたい\n自殺',
      overdueHours: '48',
      idleCloseDays: '90',
      retentionDays: '1095',
    })
    const body = inquirySettingsBody({ ...values, crisisWords: '死にたい\r\n\n  消えたい \n' })
    expect(body).toEqual({
      crisisWords: ['死にたい', '消えたい'],
      overdueHours: '48',
      idleCloseDays: '90',
      retentionDays: '1095',
    })
  })

  it('names which word was refused (blank lines are not counted)', () => {
    expect(wordNumberOfError('crisisWords.3')).toBe(4)
    expect(wordNumberOfError('crisisWords')).toBeNull()
    expect(wordNumberOfError('overdueHours')).toBeNull()
  })
})
