import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'
import type { FamilyRegistrationInput } from './family.service.ts'

/** A family seminar in December (the test clock's day is 2026-11-24). */
export function aSeminar(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'seminar',
    title: 'ひきこもりを知る家族向け研修会',
    theme: '本人との会話のきっかけ',
    heldOn: '2026-12-12',
    startTime: '14:00',
    endTime: '16:00',
    place: '市役所 本庁舎 第2会議室',
    online: false,
    capacity: 20,
    audience: 'ひきこもり状態にある方のご家族',
    ...overrides,
  }
}

export async function scheduleSeminar(s: Session, overrides: Record<string, unknown> = {}) {
  const res = await s.post('/api/seminars', aSeminar(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}

export function aFamily(overrides: Partial<FamilyRegistrationInput> = {}): FamilyRegistrationInput {
  return {
    name: 'みどりの母',
    attendees: 1,
    email: null,
    phone: null,
    needsChildcare: false,
    needsSignLanguage: false,
    needsNote: null,
    ...overrides,
  }
}
