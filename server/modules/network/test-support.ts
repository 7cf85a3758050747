import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'

/** A case-study meeting on the test clock's day unless the test says otherwise. */
export function aMeeting(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'case_study',
    title: '第3回 支援ミーティング',
    heldOn: '2026-12-10',
    startTime: '14:00',
    place: '市役所 本庁舎 第1会議室',
    note: '事例検討：家族支援のすすめ方',
    ...overrides,
  }
}

export async function scheduleMeeting(hq: Session, overrides: Record<string, unknown> = {}) {
  const res = await hq.post('/api/network-meetings', aMeeting(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}

export function aShare(caseId: string, overrides: Record<string, unknown> = {}) {
  return {
    caseId,
    title: '外出のきっかけづくりに悩んでいる事例',
    summary: '30代の本人は数年前の離職後、自宅で過ごしている。家族との会話は少ない。',
    question: '本人へのアプローチの順序について意見がほしい',
    ...overrides,
  }
}

export async function shareCase(s: Session, meetingId: string, caseId: string, overrides = {}) {
  const res = await s.post(`/api/network-meetings/${meetingId}/shares`, aShare(caseId, overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}

export const del = (s: Session, url: string) => s.request({ method: 'DELETE', url })
