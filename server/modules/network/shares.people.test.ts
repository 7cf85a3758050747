// Anonymised summaries and the people around a case (相談者・世帯員): a share never carries their
// names, kana, phone numbers or mail, neither from the case (the server copies coarse facts only)
// nor from the sharer's text (refused like the person's own name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '#server/modules/cases/test-support.ts'
import { addPerson, aMother } from '#server/modules/people/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { IDENTIFYING_MESSAGES } from './anonymity.ts'
import { aShare, scheduleMeeting } from './test-support.ts'

let ctx: TestContext
let city: TestCity
let window: Session
let meetingId: string
beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  window = await city.as('window_counsellor')
  meetingId = (await scheduleMeeting(await city.as('headquarters'))).id
})
afterAll(() => ctx.close())

const MOTHER = aMother({
  name: '佐々木 和子',
  kana: 'ささき かずこ',
  phones: [
    { label: 'home', number: '０７５（１２３）４５６７' },
    { label: 'mobile', number: '090-8765-4321' },
  ],
  mail: 'kazuko@example.jp',
  address: '京都市北区紫野上門前町1-2',
})
const SECRETS = [
  '佐々木',
  '和子',
  'ささき',
  'かずこ',
  'ササキ',
  '0751234567',
  '４５６７',
  '8765',
  'kazuko',
  '紫野',
]

async function caseWithMother() {
  const c = await openCase(window, { openedOn: '2026-04-03', age: 46, firstConsulter: 'family' })
  await addPerson(window, c.id, MOTHER)
  return c
}

describe('a case with consulters, shared to a case-study meeting', () => {
  it('shares coarse facts only: no consulter’s name, kana, phone, mail or address reaches any ward', async () => {
    const c = await caseWithMother()
    const res = await window.post(`/api/network-meetings/${meetingId}/shares`, aShare(c.id))
    expect(res.statusCode, res.body).toBe(201)
    const kita = await city.as('ward_coordinator', { ward: 'kita' })
    const seen = await kita.get(`/api/network-meetings/${meetingId}`)
    expect(seen.statusCode).toBe(200)
    for (const text of [res.body, seen.body])
      for (const secret of SECRETS) expect(text, secret).not.toContain(secret)
  })

  it.each([
    ['summary', '佐々木和子さん（母）から相談があった', 'household'],
    ['summary', 'ササキさんの母親が窓口に来た', 'household'],
    ['title', 'かずこさんとの面談を重ねた事例', 'household'],
    ['question', '母（075-123-4567）への連絡の仕方', 'phone'],
    ['summary', '母の携帯０９０（８７６５）４３２１にかけている', 'phone'],
    ['summary', '母へは kazuko@example.jp で連絡', 'mail'],
  ] as const)('refuses %s naming a consulter or their contact (%s)', async (field, text, kind) => {
    const c = await caseWithMother()
    const res = await window.post(
      `/api/network-meetings/${meetingId}/shares`,
      aShare(c.id, { [field]: text }),
    )
    expect(res.statusCode).toBe(400)
    const errors = res.json().errors as { field: string; message: string }[]
    expect(errors.map((e) => e.field)).toEqual([field])
    expect(errors[0]!.message).toBe(IDENTIFYING_MESSAGES[kind])
    for (const secret of SECRETS) expect(res.body, secret).not.toContain(secret)
  })

  it('still shares a summary that says 母 without naming her', async () => {
    const c = await caseWithMother()
    const res = await window.post(
      `/api/network-meetings/${meetingId}/shares`,
      aShare(c.id, {
        summary: '40代の本人と70代の母の二人暮らし。母から相談があり、市役所名を名乗らずに連絡している。',
      }),
    )
    expect(res.statusCode, res.body).toBe(201)
  })
})
