import { describe, expect, it } from 'vitest'
import { describeMailError } from './mailer.ts'

describe('describeMailError', () => {
  it('keeps the SMTP code and reply but no address', () => {
    const error = Object.assign(new Error('Can’t send mail - all recipients were rejected'), {
      code: 'EENVELOPE',
      response: '550 5.1.1 <taro.yamada@example.jp>: Recipient address rejected: User unknown',
      responseCode: 550,
    })
    expect(describeMailError(error)).toBe(
      'EENVELOPE: 550 5.1.1 <[address]>: Recipient address rejected: User unknown',
    )
  })

  it('hides credentials in a URL, and shortens a long reply', () => {
    const error = new Error(`connect failed smtps://user:s3cret@relay.example.lg.jp:465 ${'x'.repeat(400)}`)
    const text = describeMailError(error)
    expect(text).not.toContain('s3cret')
    expect(text).toContain('[url]')
    expect(text.length).toBeLessThanOrEqual(300)
  })

  it('says something for an error without a message', () => {
    expect(describeMailError({})).toBe('unknown error')
  })
})
