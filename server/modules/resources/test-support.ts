import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'

/** A valid resource as headquarters would enter it; tests override what they are about. */
export function aResource(overrides: Record<string, unknown> = {}) {
  return {
    name: 'ひきこもり居場所「ひだまり」',
    categories: ['ibasho'],
    serves: ['self'],
    ward: null,
    subsidyFiscalYears: [],
    contact: '075-000-0000',
    description: '毎週水曜日の午後に開いている居場所',
    ...overrides,
  }
}

export async function createResource(hq: Session, overrides: Record<string, unknown> = {}) {
  const res = await hq.post('/api/resources', aResource(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; resourceNo: string; [k: string]: unknown }
}

export async function addReferral(s: Session, caseId: string, overrides: Record<string, unknown> = {}) {
  const res = await s.post(`/api/cases/${caseId}/referrals`, { referredOn: '2026-11-20', ...overrides })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}
