// The seminar registration form, read and checked before anything is written (form-input.ts's
// rules). Every refusal is a message key on its field.
import type { FamilyRegistrationInput } from '#server/modules/seminars/index.ts'
import {
  type FieldError,
  field,
  LIMITS,
  parseAddress,
  parseResidentPhone,
  textProblem,
} from './form-input.ts'

export const MAX_ATTENDEES = 10
const NOTE_MAX = 1000

export function readSeminarForm(
  body: unknown,
): { ok: true; input: FamilyRegistrationInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  const name = field(body, 'name').trim()
  const nameProblem = textProblem(name, LIMITS.nickname)
  if (name === '') errors.push({ field: 'name', key: 'error.nameRequired' })
  else if (nameProblem) errors.push({ field: 'name', ...nameProblem })

  const typedCount = field(body, 'attendees').normalize('NFKC').trim()
  const attendees = /^\d{1,2}$/.test(typedCount) ? Number(typedCount) : 0
  if (attendees < 1 || attendees > MAX_ATTENDEES)
    errors.push({ field: 'attendees', key: 'error.attendees', params: { max: MAX_ATTENDEES } })

  let email: string | null = null
  const typedEmail = field(body, 'email').trim()
  if (typedEmail !== '') {
    const read = parseAddress(typedEmail)
    if (read.ok && read.address.length <= LIMITS.address) email = read.address
    else errors.push({ field: 'email', key: 'error.email' })
  }
  let phone: string | null = null
  const typedPhone = field(body, 'phone').trim()
  if (typedPhone !== '') {
    const read = parseResidentPhone(typedPhone)
    if (read.ok) phone = read.phone
    else errors.push({ field: 'phone', key: read.key })
  }
  const note = field(body, 'note').trim()
  const noteProblem = textProblem(note, NOTE_MAX, { multiline: true })
  if (noteProblem) errors.push({ field: 'note', ...noteProblem })

  if (errors.length) return { ok: false, errors }
  return {
    ok: true,
    input: {
      name,
      attendees,
      email,
      phone,
      needsChildcare: field(body, 'childcare') === 'yes',
      needsSignLanguage: field(body, 'sign') === 'yes',
      needsNote: note || null,
    },
  }
}
