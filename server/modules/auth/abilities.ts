import {
  caseloadWardOf,
  requireCaseloadRole,
  requireMyCasesRole,
} from '#server/modules/accompaniment/index.ts'
import { requireAdmin } from '#server/modules/accounts/index.ts'
import { caseScopeOf } from '#server/modules/cases/index.ts'
import { requireInboxWard } from '#server/modules/handovers/index.ts'
import {
  requireCountsRole,
  requireInboxRole,
  requireInquirySettingsRole,
} from '#server/modules/inquiries/index.ts'
import { requireLedgerRole } from '#server/modules/interchange/index.ts'
import { meetingRoleOf } from '#server/modules/meetings/index.ts'
import { requireNetworkReader, schedulesMeetings } from '#server/modules/network/index.ts'
import {
  requireFindingEditor,
  requireReportViewer,
  seesEveryWardReport,
} from '#server/modules/reports/index.ts'
import { maintainsDirectory, seesWholeDirectory } from '#server/modules/resources/index.ts'
import { requireSeminarOrganiser, requireSeminarReader } from '#server/modules/seminars/index.ts'
import { requireSurveyManager } from '#server/modules/surveys/index.ts'
import type { Actor } from '#server/platform/actor.ts'
import { AppError } from '#server/platform/errors.ts'
import type { Can } from '#shared/contracts/abilities.ts'

/**
 * Whether a policy's guard lets the actor through: it refuses with 403, anything else is a bug.
 *
 * A refusal here is an answer, not a failure, so its error is made without a stack trace: most
 * guards refuse most roles, and capturing the stack of each refusal made abilitiesOf cost 66–70
 * µs for a window counsellor, 10–11 µs without (GET /api/auth/session, which every page asks
 * for). The guard runs synchronously, so the limit is back before anything else runs.
 */
export function passes(actor: Actor, guard: (actor: Actor) => unknown): boolean {
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    guard(actor)
    return true
  } catch (error) {
    if (error instanceof AppError && error.status === 403) return false
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  // Anything else is a bug: the guard (a pure function of the actor) runs again to throw it with
  // its stack.
  guard(actor)
  return true
}

/**
 * What the actor may do, asked of the same policy functions the routes call, so that the web's
 * menus and buttons follow the server's rules instead of repeating them by role.
 */
export function abilitiesOf(actor: Actor): Can {
  const scope = caseScopeOf(actor)
  const meeting = meetingRoleOf(actor)
  const caseloads = passes(actor, requireCaseloadRole)
  return {
    recordIntake: scope?.kind === 'window' || scope?.kind === 'ward',
    intakeAtWindow: scope?.kind === 'window',
    intakeAtWard: scope?.kind === 'ward',
    readCases: scope !== null,
    readWardInbox: passes(actor, requireInboxWard),
    readMeetings: meeting !== null,
    runMeetings: meeting?.kind === 'coordinator',
    readMinutes: meeting?.kind === 'coordinator' || meeting?.kind === 'staff',
    meetAsAgency: meeting?.kind === 'agency',
    readMyCases: passes(actor, requireMyCasesRole),
    viewCaseloads: caseloads,
    viewEveryWardCaseloads: caseloads && caseloadWardOf(actor, undefined).ward === null,
    viewReport: passes(actor, requireReportViewer),
    viewEveryWardReport: seesEveryWardReport(actor),
    editReportFindings: passes(actor, requireFindingEditor),
    importLedger: passes(actor, requireLedgerRole),
    manageAccounts: passes(actor, requireAdmin),
    readNetwork: passes(actor, requireNetworkReader),
    scheduleNetworkMeetings: schedulesMeetings(actor),
    maintainResources: maintainsDirectory(actor),
    seeWholeDirectory: seesWholeDirectory(actor),
    inquiries: passes(actor, requireInboxRole),
    inquiryCounts: passes(actor, requireCountsRole),
    inquirySettings: passes(actor, requireInquirySettingsRole),
    manageSurveys: passes(actor, requireSurveyManager),
    readSeminars: passes(actor, requireSeminarReader),
    organiseSeminars: passes(actor, requireSeminarOrganiser),
  }
}
