// The consultation form (相談を書く) and the follow-up form, read from a form post.
import { judgePassword } from '#shared/password-strength.ts'
import {
  type FieldError,
  field,
  LIMITS,
  normalisePassphrase,
  PASSPHRASE_MIN,
  parseAddress,
  parseResidentPhone,
  textProblem,
} from './form-input.ts'

export const SENDER_ROLES = ['self', 'family', 'other'] as const
export const AGE_BANDS = ['under40', '40plus'] as const
export type SenderRole = (typeof SENDER_ROLES)[number]

/** The honeypot: a field people never see (hidden by the stylesheet) and form-filling robots do. */
export const HONEYPOT = 'website'

/**
 * zxcvbn's score 2 of 4 ("somewhat guessable": safe against guessing online) with at least eight
 * characters. Staff passwords need 3; a resident's passphrase sits behind a per-code lock after
 * a few wrong tries and a code nobody can guess, and must stay easy to remember.
 */
const PASSPHRASE_MIN_SCORE = 2

export interface WriteInput {
  senderRole: SenderRole
  ageBand: (typeof AGE_BANDS)[number] | null
  body: string
  nickname: string | null
  noticeAddress: string | null
  acceptsCall: boolean
  phone: string | null
  passphrase: string
}

/** The values as typed, to fill the form again when it comes back with errors. */
export type FormValues = Record<string, string>

export function readWriteForm(
  raw: unknown,
  options: { noticeOffered: boolean },
): { ok: true; input: WriteInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const fail = (name: string, problem: Pick<FieldError, 'key' | 'params'>) =>
    errors.push({ field: name, ...problem })

  const role = field(raw, 'who')
  if (!(SENDER_ROLES as readonly string[]).includes(role)) fail('who', { key: 'error.who' })
  const age = field(raw, 'age')
  if (age !== '' && !(AGE_BANDS as readonly string[]).includes(age)) fail('age', { key: 'error.choice' })

  const body = field(raw, 'body')
  const bodyProblem = textProblem(body, LIMITS.body, { multiline: true })
  if (bodyProblem) fail('body', bodyProblem)
  else if (body.trim() === '') fail('body', { key: 'error.bodyRequired' })

  const nickname = field(raw, 'nickname')
  const nicknameProblem = textProblem(nickname, LIMITS.nickname)
  if (nicknameProblem) fail('nickname', nicknameProblem)

  let noticeAddress: string | null = null
  const address = options.noticeOffered ? field(raw, 'notice') : ''
  if (address.trim() !== '') {
    const problem = textProblem(address, LIMITS.address)
    const parsed = problem ? null : parseAddress(address)
    if (problem) fail('notice', problem)
    else if (parsed && !parsed.ok) fail('notice', { key: parsed.key })
    else if (parsed?.ok) noticeAddress = parsed.address
  }

  const call = field(raw, 'call') || 'no'
  if (call !== 'yes' && call !== 'no') fail('call', { key: 'error.choice' })
  let phone: string | null = null
  const phoneTyped = field(raw, 'phone')
  if (call === 'yes') {
    const problem = textProblem(phoneTyped, LIMITS.phone)
    if (problem) fail('phone', problem)
    else if (phoneTyped.trim() === '') fail('phone', { key: 'error.phoneRequired' })
    else {
      const parsed = parseResidentPhone(phoneTyped)
      if (parsed.ok) phone = parsed.phone
      else fail('phone', { key: parsed.key })
    }
  }

  const passphrase = passphraseProblems(field(raw, 'passphrase'), field(raw, 'passphrase2'), [nickname], fail)

  if (errors.length || passphrase === null) return { ok: false, errors }
  return {
    ok: true,
    input: {
      senderRole: role as SenderRole,
      ageBand: age === '' ? null : (age as WriteInput['ageBand']),
      body: body.replace(/\r\n?/g, '\n').trim(),
      nickname: nickname.trim() || null,
      noticeAddress,
      acceptsCall: call === 'yes',
      phone,
      passphrase,
    },
  }
}

/** The new passphrase (normalised), or null after reporting what is wrong with it. */
function passphraseProblems(
  typed: string,
  again: string,
  ownWords: string[],
  fail: (name: string, problem: Pick<FieldError, 'key' | 'params'>) => void,
): string | null {
  const problem = textProblem(typed, LIMITS.passphrase)
  if (problem) {
    fail('passphrase', problem)
    return null
  }
  const passphrase = normalisePassphrase(typed)
  if ([...passphrase].length < PASSPHRASE_MIN) {
    fail('passphrase', { key: 'error.passphraseShort', params: { min: PASSPHRASE_MIN } })
    return null
  }
  if (judgePassword(passphrase, ownWords).score < PASSPHRASE_MIN_SCORE) {
    fail('passphrase', { key: 'error.passphraseWeak' })
    return null
  }
  if (normalisePassphrase(again) !== passphrase) {
    fail('passphrase2', { key: 'error.passphraseMismatch' })
    return null
  }
  return passphrase
}

/** The follow-up message on the thread page. */
export function readFollowUp(raw: unknown): { ok: true; body: string } | { ok: false; errors: FieldError[] } {
  const body = field(raw, 'body')
  const problem = textProblem(body, LIMITS.body, { multiline: true })
  if (problem) return { ok: false, errors: [{ field: 'body', ...problem }] }
  if (body.trim() === '') return { ok: false, errors: [{ field: 'body', key: 'error.bodyRequired' }] }
  return { ok: true, body: body.replace(/\r\n?/g, '\n').trim() }
}
