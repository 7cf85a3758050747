import { describe, expect, it } from 'vitest'
import { ApiError } from '#web/lib/api-error.ts'
import { CONFLICT_MESSAGE } from '#web/lib/form-errors.ts'
import { inquiryErrorsFrom } from './inquiry-errors.ts'

const problem = (status: number, detail?: string, errors?: { field: string; message: string }[]) =>
  new ApiError({
    type: 'urn:yorisoi:problem:x',
    title: 't',
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  })

describe('inquiryErrorsFrom', () => {
  it('shows a conflict in its own words (who claimed the thread first)', () => {
    expect(inquiryErrorsFrom(problem(409, '相談員 二さんが既に担当しています'), ['body'])).toEqual({
      fields: {},
      general: '相談員 二さんが既に担当しています',
    })
  })

  it('falls back to the common wording for a conflict without words, and keeps field errors', () => {
    expect(inquiryErrorsFrom(problem(409), ['body'])).toEqual({ fields: {}, general: CONFLICT_MESSAGE })
    expect(
      inquiryErrorsFrom(problem(400, undefined, [{ field: 'body', message: '返信を入力してください' }]), [
        'body',
      ]),
    ).toEqual({ fields: { body: '返信を入力してください' } })
  })
})
