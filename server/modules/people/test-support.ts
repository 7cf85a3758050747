import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'
import type { Person } from '#shared/contracts/people.ts'

/** A mother who called, as a counsellor would record her; tests override what they are about. */
export function aMother(overrides: Record<string, unknown> = {}) {
  return {
    relationship: 'mother',
    name: '山田 花子',
    kana: 'やまだ はなこ',
    age: 72,
    livesWith: true,
    phones: [{ label: 'home', number: '０７５（１２３）４５６７' }],
    mayNameCity: false,
    ...overrides,
  }
}

export async function addPerson(s: Session, caseId: string, body: Record<string, unknown> = aMother()) {
  const res = await s.post(`/api/cases/${caseId}/people`, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Person
}

export function deletePerson(s: Session, caseId: string, personId: string, version: number) {
  return s.request({ method: 'DELETE', url: `/api/cases/${caseId}/people/${personId}`, payload: { version } })
}
