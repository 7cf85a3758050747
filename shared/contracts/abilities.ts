import { z } from 'zod'

/**
 * What the signed-in account may do, as the server's own policies decide it (GET /api/auth/session).
 * The web shows and hides by these instead of naming roles; the server still checks every request.
 */
export const ABILITIES = [
  'recordIntake',
  'intakeAtWindow',
  'intakeAtWard',
  'readCases',
  'readWardInbox',
  'readMeetings',
  'runMeetings',
  'readMinutes',
  'meetAsAgency',
  'readMyCases',
  'viewCaseloads',
  'viewEveryWardCaseloads',
  'viewReport',
  'viewEveryWardReport',
  'editReportFindings',
  'importLedger',
  'manageAccounts',
  'readNetwork',
  'scheduleNetworkMeetings',
  'maintainResources',
  'seeWholeDirectory',
  'inquiries',
  'inquiryCounts',
  'inquirySettings',
  'manageSurveys',
  'readSeminars',
  'organiseSeminars',
] as const
export type Ability = (typeof ABILITIES)[number]

export const can = z
  .object(Object.fromEntries(ABILITIES.map((a) => [a, z.boolean()])) as Record<Ability, z.ZodBoolean>)
  .describe('What the account may do, computed by the server’s policies')
  .meta({ id: 'Can' })
export type Can = z.infer<typeof can>
