import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { handOver, openCase } from '#server/modules/cases/test-support.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import type { Role } from '#shared/codes.ts'
import { addPerson, aMother, deletePerson } from './test-support.ts'

let ctx: TestContext
let city: TestCity
const who = {} as Record<Who, Session>

type Who =
  | 'window'
  | 'sakyoCoordinator'
  | 'sakyoStaff'
  | 'kitaCoordinator'
  | 'accompaniment'
  | 'headquarters'
  | 'admin'
const ROLES: [Who, Role, string?][] = [
  ['window', 'window_counsellor'],
  ['sakyoCoordinator', 'ward_coordinator', 'sakyo'],
  ['sakyoStaff', 'ward_staff', 'sakyo'],
  ['kitaCoordinator', 'ward_coordinator', 'kita'],
  ['accompaniment', 'accompaniment_worker'],
  ['headquarters', 'headquarters'],
  ['admin', 'admin'],
]
const EVERYONE = ROLES.map(([w]) => w)
const SAKYO: Who[] = ['sakyoCoordinator', 'sakyoStaff']

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  for (const [key, role, ward] of ROLES) who[key] = await city.as(role, ward ? { ward } : {})
})
afterAll(() => ctx.close())

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

type Call = (s: Session, f: Fixture) => ReturnType<Session['get']>
const ENDPOINTS: Record<string, Call> = {
  listPeople: (s, f) => s.get(`/api/cases/${f.id}/people`),
  addPerson: (s, f) => s.post(`/api/cases/${f.id}/people`, { relationship: 'father' }),
  updatePerson: (s, f) => s.patch(`/api/cases/${f.id}/people/${f.personId}`, { version: 1, age: 75 }),
  deletePerson: (s, f) => deletePerson(s, f.id, f.personId, 1),
}

/** The status each in-scope actor gets; everyone else gets 404. */
type Expect = Partial<Record<Who, number>>
const all = (keys: Who[], status: number): Expect => Object.fromEntries(keys.map((k) => [k, status]))

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

const CASES = (Object.keys(EXPECTED) as State[]).flatMap((state) =>
  Object.keys(ENDPOINTS).map((endpoint) => [state, endpoint] as const),
)

describe('scope of the people endpoints: every endpoint × every role', () => {
  it.each(CASES)('%s: %s', async (state, endpoint) => {
    const got: Record<string, number> = {}
    const want: Record<string, number> = {}
    for (const role of EVERYONE) {
      const f = await fixture(state)
      const res = await ENDPOINTS[endpoint]!(who[role], f)
      got[role] = res.statusCode
      want[role] = EXPECTED[state][endpoint]![role] ?? 404
      if (res.statusCode >= 400) {
        expect(res.body).not.toContain(f.id)
        expect(res.body).not.toContain('0757654321')
      }
    }
    expect(got).toEqual(want)
  })
})

describe('another ward', () => {
  it('gets 404 for the people of a case it does not see, never their phones, and the refusal is audited', async () => {
    const f = await fixture('opened at sakyo')
    const res = await who.kitaCoordinator.get(`/api/cases/${f.id}/people`)
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toMatch(/075|山田/)
    const denied = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, city.tenantId), eq(auditLog.actorId, who.kitaCoordinator.user.id)))
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
