import { expect } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { cases } from '#server/db/schema/index.ts'
import { withTenant } from '#server/db/tenant-scope.ts'
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

/**
 * One-time links (回答用リンク) as headquarters makes them: `names` become cases closed in
 * October 2026, each with its consulter and no mail address, so each gets a printed letter; the
 * tokens are read from the letters' addresses. `db` is the owner's connection (outside a city's
 * scope is fine: the insert names the city).
 */
export async function closedCaseLinks(
  db: Db,
  hq: Session,
  tenantId: string,
  surveyId: string,
  names: string[],
) {
  await withTenant(tenantId, () =>
    db.insert(cases).values(
      names.map((name, i) => ({
        tenantId,
        caseNo: `T-${surveyId.slice(0, 8)}-${i + 1}`,
        intakeUnit: 'window',
        ageBand: 'unknown',
        firstConsulter: 'self',
        openedOn: '2026-01-10',
        closedOn: '2026-10-15',
        closureReason: 'resolved',
        name,
      })),
    ),
  )
  const res = await hq.post(`/api/surveys/${surveyId}/invitations`, {
    kind: 'closed_consulters',
    from: '2026-10-01',
    to: '2026-10-31',
  })
  expect(res.statusCode, res.body).toBe(201)
  const letters = res.json().letters as { addressee: string; url: string }[]
  return new Map(letters.map((l) => [l.addressee, l.url.split('/').at(-1)!]))
}
