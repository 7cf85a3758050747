import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerReportRoutes } from './reports.routes.ts'

// The operator's command, and the report other modules' tests check their records against.
export { computeReport } from './compute-report.ts'
export { runReport } from './report.cli.ts'

export function reportsModule(app: FastifyInstance, deps: AppDeps) {
  registerReportRoutes(app, deps)
}
export { requireFindingEditor } from './finding-edits.service.ts'
export { requireReportViewer, seesEveryWardReport } from './reports.policy.ts'
export {
  pauseTallies,
  pauseTalliesIn,
  recountTallies,
  recountTalliesInTurns,
  resumeTallies,
  scheduleTallyUpkeep,
  WINDOW_CONTACT_TALLIES,
} from './tally-upkeep.ts'
