import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cases } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
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

const actors = scopeActors()
const { who, everyone: EVERYONE } = actors

type State = 'window case' | 'handed over to sakyo' | 'opened at sakyo' | 'led by the accompaniment worker'
interface Fixture {
  id: string
  version: number
}

/**
 * A fresh case in the given state for every single request; its consent is recorded, so that a
 * withdrawal has something to withdraw. The lead worker's case is one the sakyo meeting gave to
 * the accompaniment worker (set directly: the meetings module decides it).
 */
async function fixture(state: State): Promise<Fixture> {
  const owner =
    state === 'window case' || state === 'handed over to sakyo' ? who.window : who.sakyoCoordinator
  const c = await openCase(owner)
  const consent = await owner.put(`/api/cases/${c.id}/consent`, {
    version: c.version,
    consentOn: '2026-11-20',
  })
  expect(consent.statusCode, consent.body).toBe(200)
  let version = consent.json().version as number
  if (state === 'handed over to sakyo') version = (await handOver(who.window, c.id, version)).version
  if (state === 'led by the accompaniment worker') {
    await actors.ctx.db
      .update(cases)
      .set({ lead: 'accompaniment', leadAccountId: who.accompaniment.user.id })
      .where(and(eq(cases.tenantId, actors.city.tenantId), eq(cases.id, c.id)))
  }
  return { id: c.id, version }
}

const ENDPOINTS: Record<string, Call<Fixture>> = {
  writeAssessment: (s, f) =>
    s.post(`/api/cases/${f.id}/assessment`, {
      version: f.version,
      assessment: '本人と面談。生活リズムの課題あり',
      wardState: 'ready',
    }),
  recordConsent: (s, f) =>
    s.put(`/api/cases/${f.id}/consent`, { version: f.version, consentOn: '2026-11-23', consentNote: '口頭' }),
  withdrawConsent: (s, f) =>
    s.request({
      method: 'DELETE',
      url: `/api/cases/${f.id}/consent`,
      payload: { version: f.version, reason: '本人から撤回の申出' },
    }),
}

const EXPECTED: Record<State, Record<keyof typeof ENDPOINTS, Expect>> = {
  // The window sees its case but the assessment is the ward's; the consent is the window's.
  'window case': {
    writeAssessment: { window: 403 },
    recordConsent: { window: 200 },
    withdrawConsent: { window: 200 },
  },
  // Handed over: the window still sees it, the receiving ward works on it.
  'handed over to sakyo': {
    writeAssessment: { window: 403, ...all(SAKYO, 200) },
    recordConsent: { window: 403, ...all(SAKYO, 200) },
    withdrawConsent: { window: 403, ...all(SAKYO, 200) },
  },
  'opened at sakyo': {
    writeAssessment: all(SAKYO, 200),
    recordConsent: all(SAKYO, 200),
    withdrawConsent: all(SAKYO, 200),
  },
  // The lead worker reads the case, but the ward's record stays with the ward.
  'led by the accompaniment worker': {
    writeAssessment: { accompaniment: 403, ...all(SAKYO, 200) },
    recordConsent: { accompaniment: 403, ...all(SAKYO, 200) },
    withdrawConsent: { accompaniment: 403, ...all(SAKYO, 200) },
  },
}

describe('scope of the ward’s per-case endpoints: every endpoint × every role', () => {
  eachEndpointAndActor(actors, EXPECTED, fixture, ENDPOINTS, async (res, f) => {
    if (res.statusCode === 404) expect(res.body).not.toContain(f.id)
    // A refused request changes nothing: the case is still at the version the fixture left.
    if (res.statusCode !== 200) {
      const [row] = await actors.ctx.db
        .select({ version: cases.version })
        .from(cases)
        .where(and(eq(cases.tenantId, actors.city.tenantId), eq(cases.id, f.id)))
      expect(row!.version).toBe(f.version)
    }
  })
})

describe('scope of the inbox', () => {
  it('ward coordinators and staff 200, everyone else 403', async () => {
    const got: Record<string, number> = {}
    for (const role of EVERYONE) got[role] = (await who[role].get('/api/ward/inbox')).statusCode
    const allowed: Who[] = [...SAKYO, 'kitaCoordinator', 'kitaStaff']
    expect(got).toEqual(Object.fromEntries(EVERYONE.map((r) => [r, allowed.includes(r) ? 200 : 403])))
  })

  it('shows each ward only its own cases', async () => {
    const handed = await openCase(who.window, { openedOn: '2026-11-01' })
    await handOver(who.window, handed.id, handed.version)
    const atSakyo = await openCase(who.sakyoStaff)
    const atKita = await openCase(who.kitaCoordinator)
    const ids = async (s: Session) =>
      new Set((await s.get('/api/ward/inbox?pageSize=200')).json().items.map((i: { id: string }) => i.id))
    for (const s of SAKYO) {
      const seen = await ids(who[s])
      expect(seen.has(handed.id) && seen.has(atSakyo.id)).toBe(true)
      expect(seen.has(atKita.id)).toBe(false)
    }
    for (const s of ['kitaCoordinator', 'kitaStaff'] as Who[]) {
      const seen = await ids(who[s])
      expect(seen.has(atKita.id)).toBe(true)
      expect(seen.has(handed.id) || seen.has(atSakyo.id)).toBe(false)
    }
  })
})

describe('two cities', () => {
  it('shows nothing of one city’s ward to the same ward of another, and changes nothing there', async () => {
    const other = await actors.ctx.newCity('別の市')
    const theirWindow = await other.as('window_counsellor')
    const theirSakyo = await other.as('ward_coordinator', { ward: 'sakyo' })
    const c = await openCase(theirWindow)
    const after = await handOver(theirWindow, c.id, c.version)
    const mine = await openCase(who.sakyoCoordinator)

    const inbox = (await who.sakyoCoordinator.get('/api/ward/inbox?pageSize=200')).json()
    expect(inbox.items.map((i: { id: string }) => i.id)).not.toContain(c.id)
    const assess = await who.sakyoCoordinator.post(`/api/cases/${c.id}/assessment`, {
      version: after.version,
      assessment: '他市',
      wardState: 'ready',
    })
    expect(assess.statusCode).toBe(404)
    const consent = await who.sakyoCoordinator.put(`/api/cases/${c.id}/consent`, {
      version: after.version,
      consentOn: '2026-11-23',
    })
    expect(consent.statusCode).toBe(404)
    // The other city's own ward sees it and not ours, so the test is not vacuous.
    const theirs = (await theirSakyo.get('/api/ward/inbox?pageSize=200')).json()
    expect(theirs.items.map((i: { id: string }) => i.id)).toEqual([c.id])
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(mine.id)
    const detail = (await theirSakyo.get(`/api/cases/${c.id}`)).json()
    expect(detail).toMatchObject({ version: after.version, wardAssessment: null, consentOn: null })
  })
})
