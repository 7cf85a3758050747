import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'

/** A valid intake as a counsellor would enter it; tests override what they are about. */
export function intake(overrides: Record<string, unknown> = {}) {
  return {
    openedOn: '2026-11-10',
    ward: 'sakyo',
    age: 35,
    firstConsulter: 'family',
    route: 'web',
    concerns: ['work', 'family_relations'],
    urgency: 'normal',
    name: '山田 太郎',
    kana: 'やまだ たろう',
    gender: 'male',
    ...overrides,
  }
}

export const aContact = { contactedOn: '2026-11-20', time: '14:05', method: 'phone', counterpart: 'family' }

const WARD_ROLES = new Set(['ward_coordinator', 'ward_staff'])

/**
 * Opens a case through the API and returns its detail. A ward centre's intake names its
 * 新規ケース経路 (a section, unless the test says otherwise).
 */
export async function openCase(s: Session, overrides: Record<string, unknown> = {}) {
  const ward = WARD_ROLES.has(s.user.role) ? { wardRoute: 'ward_section' } : {}
  const res = await s.post('/api/cases', intake({ ...ward, ...overrides }))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; caseNo: string; version: number; [k: string]: unknown }
}

export async function addContact(s: Session, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await s.post(`/api/cases/${caseId}/contacts`, { ...aContact, ...overrides })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}

export async function handOver(s: Session, caseId: string, version: number, ward = 'sakyo') {
  const res = await s.post(`/api/cases/${caseId}/handover`, {
    version,
    handedOverOn: '2026-11-23',
    ward,
    summary: '家族との面談を重ね、区での支援が必要と判断',
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { id: string; version: number; [k: string]: unknown }
}

export function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field)
}
