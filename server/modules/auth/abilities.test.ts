import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '#server/platform/actor.ts'
import { AppError } from '#server/platform/errors.ts'
import { createTestContext, type Session, type TestCity, type TestContext } from '#server/test/harness.ts'
import { ROLES, type Role } from '#shared/codes.ts'
import { ABILITIES, type Ability } from '#shared/contracts/abilities.ts'
import { passes } from './abilities.ts'

// `can` on the session must say what the routes then allow: each ability is checked against the
// status of a request it stands for, for every role, so a policy change that forgets the session
// (or the other way round) fails here.

let ctx: TestContext
let city: TestCity
const sessions = {} as Record<Role, Session>
const WARD: Partial<Record<Role, string>> = { ward_coordinator: 'sakyo', ward_staff: 'sakyo' }

beforeAll(async () => {
  ctx = await createTestContext()
  city = await ctx.newCity()
  for (const { code } of ROLES) sessions[code] = await city.as(code, WARD[code] ? { ward: WARD[code] } : {})
})
afterAll(() => ctx.close())

const canOf = async (role: Role) =>
  (await sessions[role].get('/api/auth/session')).json().account.can as Record<Ability, boolean>

/** A request each ability stands for: allowed means anything but 403. */
const PROBES: Partial<Record<Ability, string>> = {
  recordIntake: '/api/worklist',
  readCases: '/api/cases',
  readWardInbox: '/api/ward/inbox',
  readMeetings: '/api/meetings',
  readMyCases: '/api/my-cases',
  viewCaseloads: '/api/caseloads',
  viewReport: '/api/reports?from=2026-04-01&to=2027-03-31',
  // Another ward than the session's (sakyo): only those who see every ward's report get it.
  viewEveryWardReport: '/api/reports?from=2026-04-01&to=2027-03-31&ward=kita',
  importLedger: '/api/baselines',
  manageAccounts: '/api/accounts',
  readNetwork: '/api/network-meetings',
  inquiries: '/api/inquiries',
  inquiryCounts: '/api/inquiries/counts',
  inquirySettings: '/api/inquiry-settings',
  manageSurveys: '/api/surveys',
  readSeminars: '/api/seminars',
  organiseSeminars: '/api/seminars/follow-up-surveys',
}

/** The rules in words (docs/domain.md, "Who works with the records"), role by role. */
const EXPECTED: Record<Role, Ability[]> = {
  window_counsellor: [
    'recordIntake',
    'intakeAtWindow',
    'readCases',
    'readNetwork',
    'inquiries',
    'inquiryCounts',
    'readSeminars',
  ],
  ward_coordinator: [
    'recordIntake',
    'intakeAtWard',
    'readCases',
    'readWardInbox',
    'readMeetings',
    'runMeetings',
    'readMinutes',
    'readMyCases',
    'viewCaseloads',
    'viewReport',
    'readNetwork',
    'readSeminars',
    'organiseSeminars',
  ],
  ward_staff: [
    'recordIntake',
    'intakeAtWard',
    'readCases',
    'readWardInbox',
    'readMeetings',
    'readMinutes',
    'readMyCases',
    'readNetwork',
    'readSeminars',
    'organiseSeminars',
  ],
  accompaniment_worker: ['readCases', 'readMyCases', 'readNetwork', 'readSeminars'],
  agency_member: ['readCases', 'readMeetings', 'meetAsAgency', 'readMyCases'],
  headquarters: [
    'viewCaseloads',
    'viewEveryWardCaseloads',
    'viewReport',
    'viewEveryWardReport',
    'editReportFindings',
    'importLedger',
    'readNetwork',
    'scheduleNetworkMeetings',
    'maintainResources',
    'seeWholeDirectory',
    'inquiryCounts',
    'manageSurveys',
    'readSeminars',
    'organiseSeminars',
  ],
  admin: [
    'viewReport',
    'viewEveryWardReport',
    'importLedger',
    'manageAccounts',
    'seeWholeDirectory',
    'inquirySettings',
  ],
}

describe('can on the session', () => {
  it.each(ROLES.map((r) => r.code))('%s: the abilities its policies give, and no others', async (role) => {
    const can = await canOf(role)
    expect(Object.keys(can).sort()).toEqual([...ABILITIES].sort())
    expect(ABILITIES.filter((a) => can[a])).toEqual(ABILITIES.filter((a) => EXPECTED[role].includes(a)))
  })

  it.each(ROLES.map((r) => r.code))('%s: each ability matches what the route then answers', async (role) => {
    const can = await canOf(role)
    const got: Record<string, boolean> = {}
    const want: Record<string, boolean> = {}
    for (const [ability, path] of Object.entries(PROBES) as [Ability, string][]) {
      got[ability] = (await sessions[role].get(path)).statusCode !== 403
      want[ability] = can[ability]
    }
    expect(got).toEqual(want)
  })

  it('says nothing before sign-in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/session' })
    expect(res.json().account).toBeNull()
  })
})

describe('a guard asked whether it passes (passes)', () => {
  const actor = { tenantId: 't', accountId: 'a', loginId: 'l', clientAddress: null } as unknown as Actor
  const refuse = () => {
    throw new AppError('forbidden')
  }

  it('is false for a refusal and true otherwise, and leaves the stack trace limit as it was', () => {
    const before = Error.stackTraceLimit
    expect(passes(actor, refuse)).toBe(false)
    expect(passes(actor, () => undefined)).toBe(true)
    expect(Error.stackTraceLimit).toBe(before)
  })

  it('throws anything else, with its stack', () => {
    const bug = () => (undefined as unknown as { role: string }).role
    let thrown: unknown
    try {
      passes(actor, bug)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TypeError)
    expect((thrown as Error).stack).toMatch(/abilities\.test\.ts/u)
  })
})
