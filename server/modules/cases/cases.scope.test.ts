import { describe, expect, it } from 'vitest'
import type { Session } from '#server/test/harness.ts'
import {
  all,
  type Call,
  type Expect,
  eachEndpointAndActor,
  SAKYO,
  scopeActors,
  type Who,
} from '#server/test/scope.ts'
import { addContact, handOver, openCase } from './test-support.ts'

const actors = scopeActors()
const { who, everyone: EVERYONE } = actors

type State = 'window case' | 'handed over to sakyo' | 'opened at sakyo'
interface Fixture {
  id: string
  contactId: string
  version: number
}

/** A fresh case in the given state, with one contact, for every single request. */
async function fixture(state: State): Promise<Fixture> {
  const owner = state === 'opened at sakyo' ? who.sakyoCoordinator : who.window
  const c = await openCase(owner)
  const contact = await addContact(owner, c.id)
  if (state !== 'handed over to sakyo') return { id: c.id, contactId: contact.id, version: c.version }
  const after = await handOver(who.window, c.id, c.version)
  return { id: c.id, contactId: contact.id, version: after.version }
}

const ENDPOINTS: Record<string, Call<Fixture>> = {
  getCase: (s, f) => s.get(`/api/cases/${f.id}`),
  getCaseHistory: (s, f) => s.get(`/api/cases/${f.id}/history`),
  listContacts: (s, f) => s.get(`/api/cases/${f.id}/contacts`),
  updateCase: (s, f) => s.patch(`/api/cases/${f.id}`, { version: f.version, urgency: 'early' }),
  addContact: (s, f) =>
    s.post(`/api/cases/${f.id}/contacts`, {
      contactedOn: '2026-11-22',
      method: 'visit',
      counterpart: 'self',
    }),
  correctContact: (s, f) =>
    s.patch(`/api/cases/${f.id}/contacts/${f.contactId}`, { minutes: 30, reason: '記入漏れ' }),
  closeCase: (s, f) =>
    s.post(`/api/cases/${f.id}/close`, {
      version: f.version,
      closedOn: '2026-11-23',
      closureReason: 'advice',
    }),
  handOverCase: (s, f) =>
    s.post(`/api/cases/${f.id}/handover`, {
      version: f.version,
      handedOverOn: '2026-11-23',
      ward: 'sakyo',
      summary: '要約',
    }),
  reopenCase: (s, f) => s.post(`/api/cases/${f.id}/reopen`, { version: f.version, reason: '再度の相談' }),
}

const EXPECTED: Record<State, Record<keyof typeof ENDPOINTS, Expect>> = {
  'window case': {
    getCase: { window: 200 },
    getCaseHistory: { window: 200 },
    listContacts: { window: 200 },
    updateCase: { window: 200 },
    addContact: { window: 201 },
    correctContact: { window: 200 },
    closeCase: { window: 200 },
    handOverCase: { window: 200 },
    reopenCase: { window: 409 },
  },
  // Handed over: the window still sees it, the receiving ward works on it.
  'handed over to sakyo': {
    getCase: all(['window', ...SAKYO], 200),
    getCaseHistory: all(['window', ...SAKYO], 200),
    listContacts: all(['window', ...SAKYO], 200),
    updateCase: all(['window', ...SAKYO], 200),
    addContact: { window: 403, ...all(SAKYO, 201) },
    correctContact: { window: 403, ...all(SAKYO, 200) },
    closeCase: { window: 403, ...all(SAKYO, 200) },
    handOverCase: { window: 409, ...all(SAKYO, 403) },
    reopenCase: { window: 200, ...all(SAKYO, 403) },
  },
  'opened at sakyo': {
    getCase: all(SAKYO, 200),
    getCaseHistory: all(SAKYO, 200),
    listContacts: all(SAKYO, 200),
    updateCase: all(SAKYO, 200),
    addContact: all(SAKYO, 201),
    correctContact: all(SAKYO, 200),
    closeCase: all(SAKYO, 200),
    handOverCase: all(SAKYO, 403),
    reopenCase: all(SAKYO, 409),
  },
}

describe('scope of per-case endpoints: every endpoint × every role', () => {
  eachEndpointAndActor(actors, EXPECTED, fixture, ENDPOINTS, (res, f) => {
    if (res.statusCode === 404) expect(res.body).not.toContain(f.id)
  })
})

describe('scope of list endpoints', () => {
  const LISTS: Record<string, (s: Session) => ReturnType<Session['get']>> = {
    listCases: (s) => s.get('/api/cases'),
    getWorklist: (s) => s.get('/api/worklist'),
    listDueSteps: (s) => s.get('/api/due-steps?whose=team'),
    findSimilarCases: (s) => s.get(`/api/cases/similar?name=${encodeURIComponent('山田太郎')}`),
  }
  const CASE_ROLES: Who[] = ['window', ...SAKYO, 'kitaCoordinator', 'kitaStaff']

  // Lead workers list the cases they lead; the work list and the similar-person search are intake work.
  const LEAD_ROLES: Who[] = ['accompaniment', 'agency']
  const ALLOWED: Record<string, Who[]> = {
    listCases: [...CASE_ROLES, ...LEAD_ROLES],
    getWorklist: CASE_ROLES,
    listDueSteps: CASE_ROLES,
    findSimilarCases: CASE_ROLES,
  }

  it.each(Object.keys(LISTS))('%s: allowed roles 200, everyone else 403', async (list) => {
    const got: Record<string, number> = {}
    for (const role of EVERYONE) got[role] = (await LISTS[list]!(who[role])).statusCode
    expect(got).toEqual(Object.fromEntries(EVERYONE.map((r) => [r, ALLOWED[list]!.includes(r) ? 200 : 403])))
  })

  it('lists show only the cases in scope', async () => {
    const windowCase = await openCase(who.window, { name: '範囲 窓口', openedOn: '2026-11-23' })
    const handed = await openCase(who.window, { name: '範囲 引継', openedOn: '2026-11-23' })
    await handOver(who.window, handed.id, handed.version)
    const sakyoCase = await openCase(who.sakyoStaff, { name: '範囲 左京', openedOn: '2026-11-23' })
    const ids = async (s: Session) => {
      const list = (await s.get('/api/cases?q=範囲&pageSize=200'))
        .json()
        .items.map((c: { id: string }) => c.id)
      const week = (await s.get('/api/worklist')).json().openedThisWeek.map((c: { id: string }) => c.id)
      const similar = (await s.get(`/api/cases/similar?kana=${encodeURIComponent('やまだたろう')}`))
        .json()
        .map((c: { id: string }) => c.id)
      return { list: new Set(list), week: new Set(week), similar: new Set(similar) }
    }
    const w = await ids(who.window)
    const s = await ids(who.sakyoCoordinator)
    const k = await ids(who.kitaStaff)
    expect(w.list).toEqual(new Set([windowCase.id, handed.id]))
    expect(s.list).toEqual(new Set([handed.id, sakyoCase.id]))
    expect(k.list).toEqual(new Set())
    for (const id of [windowCase.id, handed.id]) expect(w.week.has(id) && w.similar.has(id)).toBe(true)
    expect(w.week.has(sakyoCase.id) || w.similar.has(sakyoCase.id)).toBe(false)
    expect(s.week.has(windowCase.id) || s.similar.has(windowCase.id)).toBe(false)
    expect(k.week.size + k.similar.size).toBe(0)
    // Lead workers lead none of these yet (a meeting's decision makes them lead).
    for (const lead of [who.accompaniment, who.agency])
      expect((await lead.get(`/api/cases?q=${encodeURIComponent('範囲')}`)).json().total).toBe(0)
  })
})

describe('two cities', () => {
  it('shows nothing of one city to the same roles of another', async () => {
    const other = await actors.ctx.newCity('別の市')
    const theirWindow = await other.as('window_counsellor')
    const theirSakyo = await other.as('ward_coordinator', { ward: 'sakyo' })
    const c = await openCase(theirWindow, { name: '他市 花子', kana: 'たし はなこ', openedOn: '2026-11-23' })
    await handOver(theirWindow, c.id, c.version)

    for (const s of [who.window, who.sakyoCoordinator]) {
      expect((await s.get(`/api/cases/${c.id}`)).statusCode).toBe(404)
      expect((await s.get(`/api/cases/${c.id}/contacts`)).statusCode).toBe(404)
      const list = (await s.get(`/api/cases?q=${encodeURIComponent('他市')}`)).json()
      expect(list.total).toBe(0)
      const similar = (await s.get(`/api/cases/similar?kana=${encodeURIComponent('たしはなこ')}`)).json()
      expect(similar).toEqual([])
      const worklist = (await s.get('/api/worklist')).json()
      expect(worklist.openedThisWeek.map((x: { id: string }) => x.id)).not.toContain(c.id)
    }
    // The other city's own staff do see it, so the test is not vacuous.
    expect((await theirSakyo.get(`/api/cases/${c.id}`)).statusCode).toBe(200)
    expect((await theirWindow.get(`/api/cases?q=${encodeURIComponent('他市')}`)).json().total).toBe(1)
  })
})
