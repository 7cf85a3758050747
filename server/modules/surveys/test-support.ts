import { expect } from 'vitest'
import type { Session } from '#server/test/harness.ts'

/** A valid survey as headquarters would build it; tests override what they are about. */
export function aSurvey(overrides: Record<string, unknown> = {}) {
  return {
    title: '居場所利用者アンケート',
    audience: 'supported',
    periodFrom: '2026-11-01',
    periodTo: '2026-12-31',
    introduction: 'ご協力をお願いします。',
    targetCount: 10,
    questions: [
      { kind: 'scale', question: '居場所への満足度', options: [], required: true },
      {
        kind: 'multiple',
        question: '良かった点',
        options: ['雰囲気', '時間帯', '場所'],
        allowOther: true,
      },
      { kind: 'single', question: '次回も利用したいですか', options: ['はい', 'いいえ'] },
      { kind: 'text', question: 'ご意見', options: [] },
    ],
    ...overrides,
  }
}

export async function createSurvey(hq: Session, overrides: Record<string, unknown> = {}) {
  const res = await hq.post('/api/surveys', aSurvey(overrides))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; surveyNo: string; [k: string]: unknown }
}

export async function addPaper(hq: Session, surveyId: string, answers: unknown[], answeredOn = '2026-11-20') {
  const res = await hq.post(`/api/surveys/${surveyId}/paper-responses`, { answeredOn, answers })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { respondentNo: string; source: string }
}
