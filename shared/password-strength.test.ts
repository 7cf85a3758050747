import { describe, expect, it } from 'vitest'
import { judgePassword, weakPasswordMessage } from './password-strength.ts'

const person = ['sato.hanako', '佐藤 花子']

describe('judgePassword', () => {
  it.each([
    ' '.repeat(12),
    'a'.repeat(12),
    'password1234',
    'qwertyuiop12',
    'sato.hanako2024',
    'hanako-sato-1990',
    'sato-hanako-1990',
    'hanako1990!!',
    '佐藤花子19900101',
    'yorisoi-2026!',
  ])('refuses %j', (password) => {
    const verdict = judgePassword(password, person)
    expect(verdict.ok).toBe(false)
    expect(weakPasswordMessage(verdict)).toMatch(/推測されやすいため使えません/)
  })

  it.each([
    'correct horse battery staple',
    'a long enough passphrase',
    'ひきこもり支援の合言葉は山と川',
    '839274619283',
    'sato Tr0ub4dor&3xyz',
  ])('accepts %j', (password) => {
    expect(judgePassword(password, person).ok).toBe(true)
  })

  it('explains in Japanese why a password is weak', () => {
    const verdict = judgePassword('aaaaaaaaaaaa', person)
    expect(verdict.feedback.join('')).toMatch(/繰り返し/)
    expect(judgePassword('hanako1990!!', person).feedback.join('')).toMatch(/個人情報/)
  })
})
