import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Role } from '#shared/codes.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from './harness.ts'

// The set-up the case-scoped endpoints' scope tests share: one signed-in actor per role and ward,
// and the "every endpoint × every actor" matrix where an actor not named expects 404 (the case is
// not in their scope, and a 404 says no more than that).

export type Who =
  | 'window'
  | 'sakyoCoordinator'
  | 'sakyoStaff'
  | 'kitaCoordinator'
  | 'kitaStaff'
  | 'accompaniment'
  | 'agency'
  | 'headquarters'
  | 'admin'

const ROLES: [Who, Role, string?][] = [
  ['window', 'window_counsellor'],
  ['sakyoCoordinator', 'ward_coordinator', 'sakyo'],
  ['sakyoStaff', 'ward_staff', 'sakyo'],
  ['kitaCoordinator', 'ward_coordinator', 'kita'],
  ['kitaStaff', 'ward_staff', 'kita'],
  ['accompaniment', 'accompaniment_worker'],
  ['agency', 'agency_member'],
  ['headquarters', 'headquarters'],
  ['admin', 'admin'],
]

/** The ward the cases in these tests are handed over to or opened at. */
export const SAKYO: Who[] = ['sakyoCoordinator', 'sakyoStaff']

export interface ScopeActors {
  ctx: TestContext
  city: TestCity
  who: Record<Who, Session>
  /** The actors of this test file, in a fixed order. */
  everyone: Who[]
}

/**
 * Signs in one actor per role (all of them, or `only` those) before the file's tests and closes
 * the store after. `ctx` and `city` are set in beforeAll: read them from the object, not copies.
 */
export function scopeActors(only?: readonly Who[]): ScopeActors {
  const everyone = ROLES.map(([w]) => w).filter((w) => !only || only.includes(w))
  const actors = { who: {}, everyone } as ScopeActors
  beforeAll(async () => {
    actors.ctx = await createTestContext()
    actors.city = await actors.ctx.newCity()
    for (const [key, role, ward] of ROLES) {
      if (everyone.includes(key)) actors.who[key] = await actors.city.as(role, ward ? { ward } : {})
    }
  })
  afterAll(() => actors.ctx.close())
  return actors
}

/** The status each in-scope actor gets; everyone else gets 404. */
export type Expect = Partial<Record<Who, number>>
export const all = (keys: Who[], status: number): Expect => Object.fromEntries(keys.map((k) => [k, status]))

export type Call<F> = (s: Session, f: F) => ReturnType<Session['get']>

/** Every [state, endpoint] pair of an expectation table, for it.each. */
export function matrixOf<S extends string>(expected: Record<S, Record<string, Expect>>) {
  return (Object.keys(expected) as S[]).flatMap((state) =>
    Object.keys(expected[state]).map((endpoint) => [state, endpoint] as const),
  )
}

/** One request per actor (`request` returns its status); all statuses compared at once. */
export async function expectStatuses(
  everyone: Who[],
  expected: Expect,
  request: (who: Who) => Promise<number>,
): Promise<void> {
  const got: Record<string, number> = {}
  const want: Record<string, number> = {}
  for (const role of everyone) {
    got[role] = await request(role)
    want[role] = expected[role] ?? 404
  }
  expect(got).toEqual(want)
}

type Reply = Awaited<ReturnType<Session['get']>>

/**
 * One test per [state, endpoint] of `expected`: each actor calls the endpoint on a fresh fixture
 * in that state; `check` adds what a file asserts of each reply (no id in a refusal, nothing changed).
 */
export function eachEndpointAndActor<S extends string, F>(
  actors: ScopeActors,
  expected: Record<S, Record<string, Expect>>,
  fixture: (state: S) => Promise<F>,
  endpoints: Record<string, Call<F>>,
  check: (res: Reply, f: F) => void | Promise<void>,
): void {
  it.each(matrixOf(expected))('%s: %s', (state, endpoint) =>
    expectStatuses(actors.everyone, expected[state][endpoint]!, async (role) => {
      const f = await fixture(state)
      const res = await endpoints[endpoint]!(actors.who[role], f)
      await check(res, f)
      return res.statusCode
    }),
  )
}
