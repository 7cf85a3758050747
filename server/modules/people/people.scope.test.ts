import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import { all, type Call, type Expect, eachEndpointAndActor, SAKYO, scopeActors } from '#server/test/scope.ts'
import { addPerson, aMother, deletePerson } from './test-support.ts'

const actors = scopeActors([
  'window',
  'sakyoCoordinator',
  'sakyoStaff',
  'kitaCoordinator',
  'accompaniment',
  'headquarters',
  'admin',
])
const { who } = actors

type State = 'window case' | 'handed over to sakyo' | 'opened at sakyo'
interface Fixture {
  id: string
  personId: string
}

async function fixture(state: State): Promise<Fixture> {
  const owner = state === 'opened at sakyo' ? who.sakyoCoordinator : who.window
  const c = await openCase(owner)
  const person = await addPerson(owner, c.id, aMother({ phones: [{ number: '075-765-4321' }] }))
  if (state === 'handed over to sakyo') await handOver(who.window, c.id, c.version)
  return { id: c.id, personId: person.id }
}

const ENDPOINTS: Record<string, Call<Fixture>> = {
  listPeople: (s, f) => s.get(`/api/cases/${f.id}/people`),
  addPerson: (s, f) => s.post(`/api/cases/${f.id}/people`, { relationship: 'father' }),
  updatePerson: (s, f) => s.patch(`/api/cases/${f.id}/people/${f.personId}`, { version: 1, age: 75 }),
  deletePerson: (s, f) => deletePerson(s, f.id, f.personId, 1),
}

// People are changed by whoever may record contacts on the case.
const EXPECTED: Record<State, Record<keyof typeof ENDPOINTS, Expect>> = {
  'window case': {
    listPeople: { window: 200 },
    addPerson: { window: 201 },
    updatePerson: { window: 200 },
    deletePerson: { window: 204 },
  },
  'handed over to sakyo': {
    listPeople: all(['window', ...SAKYO], 200),
    addPerson: { window: 403, ...all(SAKYO, 201) },
    updatePerson: { window: 403, ...all(SAKYO, 200) },
    deletePerson: { window: 403, ...all(SAKYO, 204) },
  },
  'opened at sakyo': {
    listPeople: all(SAKYO, 200),
    addPerson: all(SAKYO, 201),
    updatePerson: all(SAKYO, 200),
    deletePerson: all(SAKYO, 204),
  },
}

describe('scope of the people endpoints: every endpoint × every role', () => {
  eachEndpointAndActor(actors, EXPECTED, fixture, ENDPOINTS, (res, f) => {
    if (res.statusCode >= 400) {
      expect(res.body).not.toContain(f.id)
      expect(res.body).not.toContain('0757654321')
    }
  })
})

describe('another ward', () => {
  it('gets 404 for the people of a case it does not see, never their phones, and the refusal is audited', async () => {
    const f = await fixture('opened at sakyo')
    const res = await who.kitaCoordinator.get(`/api/cases/${f.id}/people`)
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toMatch(/075|山田/)
    const denied = await actors.ctx.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.tenantId, actors.city.tenantId), eq(auditLog.actorId, who.kitaCoordinator.user.id)),
      )
    expect(denied.map((r) => [r.action, r.recordId])).toContainEqual(['case.read_denied', f.id])
    // In scope the same request shows them, so the test is not vacuous.
    const sakyo = (await who.sakyoStaff.get(`/api/cases/${f.id}/people`)).json()
    expect(sakyo[0].phones[0].digits).toBe('0757654321')
  })

  it('cannot change a person of its own case through a case it does not see', async () => {
    const kitaCase = await openCase(who.kitaCoordinator, { wardRoute: 'ward_section' })
    const f = await fixture('opened at sakyo')
    const res = await who.kitaCoordinator.patch(`/api/cases/${kitaCase.id}/people/${f.personId}`, {
      version: 1,
      age: 1,
    })
    expect(res.statusCode).toBe(404)
  })
})
