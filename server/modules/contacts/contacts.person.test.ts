import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCase } from '#server/modules/cases/test-support.ts'
import { NOT_A_PERSON_OF_THE_CASE } from '#server/modules/people/index.ts'
import { addPerson } from '#server/modules/people/test-support.ts'
import { createTestContext, type Session, type TestContext } from '#server/test/harness.ts'
import { COUNTERPART_CONTRADICTS } from '#shared/counterpart.ts'

let ctx: TestContext
let window: Session

beforeAll(async () => {
  ctx = await createTestContext()
  const city = await ctx.newCity()
  window = await city.as('window_counsellor')
})
afterAll(() => ctx.close())

const aCall = { contactedOn: '2026-11-20', time: '10:00', method: 'phone' }

describe('a contact names the person it was with', () => {
  it.each([
    ['self', 'self'],
    ['mother', 'family'],
    ['sibling', 'family'],
    ['other_relative', 'family'],
    ['agency_staff', 'other'],
    ['other', 'other'],
  ])('derives 対象 from 続柄 %s → %s, and shows the person', async (relationship, counterpart) => {
    const c = await openCase(window)
    const p = await addPerson(window, c.id, {
      relationship,
      name: relationship === 'mother' ? '山田 花子' : null,
    })
    const res = await window.post(`/api/cases/${c.id}/contacts`, { ...aCall, personId: p.id })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ counterpart, personId: p.id })
    const [listed] = (await window.get(`/api/cases/${c.id}/contacts`)).json()
    expect(listed.personName).toBe(
      relationship === 'mother'
        ? '山田 花子'
        : {
            self: '本人',
            sibling: 'きょうだい',
            other_relative: 'その他親族',
            agency_staff: '関係機関職員',
            other: 'その他',
          }[relationship],
    )
  })

  it('accepts a counterpart that agrees and refuses one that contradicts the person, writing nothing', async () => {
    const c = await openCase(window)
    const mother = await addPerson(window, c.id, { relationship: 'mother' })
    const agrees = await window.post(`/api/cases/${c.id}/contacts`, {
      ...aCall,
      personId: mother.id,
      counterpart: 'family',
    })
    expect(agrees.statusCode).toBe(201)
    const contradicts = await window.post(`/api/cases/${c.id}/contacts`, {
      ...aCall,
      personId: mother.id,
      counterpart: 'self',
    })
    expect(contradicts.statusCode).toBe(400)
    expect(contradicts.json().errors).toEqual([{ field: 'counterpart', message: COUNTERPART_CONTRADICTS }])
    expect((await window.get(`/api/cases/${c.id}/contacts`)).json()).toHaveLength(1)
  })

  it('requires a counterpart without a person, and a person of the same case', async () => {
    const a = await openCase(window)
    const b = await openCase(window)
    const onB = await addPerson(window, b.id)
    const neither = await window.post(`/api/cases/${a.id}/contacts`, aCall)
    expect(neither.json().errors).toEqual([{ field: 'counterpart', message: '対象を選択してください' }])
    const otherCase = await window.post(`/api/cases/${a.id}/contacts`, { ...aCall, personId: onB.id })
    expect(otherCase.statusCode).toBe(400)
    expect(otherCase.json().errors).toEqual([{ field: 'personId', message: NOT_A_PERSON_OF_THE_CASE }])
    const unknown = await window.post(`/api/cases/${a.id}/contacts`, {
      ...aCall,
      personId: crypto.randomUUID(),
    })
    expect(unknown.json().errors).toEqual([{ field: 'personId', message: NOT_A_PERSON_OF_THE_CASE }])
    expect((await window.get(`/api/cases/${a.id}/contacts`)).json()).toEqual([])
    const plain = await window.post(`/api/cases/${a.id}/contacts`, { ...aCall, counterpart: 'family' })
    expect(plain.json()).toMatchObject({ counterpart: 'family', personId: null, personName: null })
  })

  it('on correction, a new person rederives 対象, a contradicting counterpart is refused, and clearing the person keeps it', async () => {
    const c = await openCase(window)
    const mother = await addPerson(window, c.id, { relationship: 'mother' })
    const self = await addPerson(window, c.id, { relationship: 'self' })
    const added = (await window.post(`/api/cases/${c.id}/contacts`, { ...aCall, personId: mother.id })).json()
    const url = `/api/cases/${c.id}/contacts/${added.id}`
    const moved = await window.patch(url, { personId: self.id, reason: '相手の誤り' })
    expect(moved.json()).toMatchObject({ personId: self.id, counterpart: 'self', personName: '本人' })
    const history = (await window.get(`/api/cases/${c.id}/history`)).json()
    const corrected = history.find((e: { action: string }) => e.action === 'contact_corrected')
    expect(corrected.changes).toEqual(
      expect.arrayContaining([
        { field: 'contact.counterpart', from: 'family', to: 'self' },
        { field: 'contact.personId', from: mother.id, to: self.id },
      ]),
    )
    const contradicts = await window.patch(url, { counterpart: 'family' })
    expect(contradicts.json().errors).toEqual([{ field: 'counterpart', message: COUNTERPART_CONTRADICTS }])
    const cleared = await window.patch(url, { personId: null })
    expect(cleared.json()).toMatchObject({ personId: null, counterpart: 'self' })
    expect((await window.patch(url, { counterpart: 'other' })).json().counterpart).toBe('other')
  })

  it('keeps the person from being deleted while the contact names them', async () => {
    const c = await openCase(window)
    const mother = await addPerson(window, c.id, { relationship: 'mother' })
    await window.post(`/api/cases/${c.id}/contacts`, { ...aCall, personId: mother.id })
    const res = await window.request({
      method: 'DELETE',
      url: `/api/cases/${c.id}/people/${mother.id}`,
      payload: { version: 1 },
    })
    expect(res.statusCode).toBe(409)
  })
})
