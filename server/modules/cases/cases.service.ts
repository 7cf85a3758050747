import type { AppDeps } from '#server/platform/deps.ts'
import { closeCase, handOverCase, reopenCase } from './case-transitions.ts'
import { listDueStepsFor } from './due-steps.ts'
import { findSimilarCases, getCase, getCaseHistory, getWorklist, listCases } from './read-cases.ts'
import { updateCase } from './update-case.ts'

/**
 * The cases use cases, one file each, bound to the app's database and clock. Opening a case is
 * the intake module's (it records the first contact too, through the contacts module).
 */
export function createCasesService(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const bind =
    <A extends unknown[], R>(useCase: (d: typeof deps, ...args: A) => R) =>
    (...args: A): R =>
      useCase(deps, ...args)
  return {
    list: bind(listCases),
    similar: bind(findSimilarCases),
    get: bind(getCase),
    update: bind(updateCase),
    close: bind(closeCase),
    handOver: bind(handOverCase),
    reopen: bind(reopenCase),
    history: bind(getCaseHistory),
    worklist: bind(getWorklist),
    dueSteps: bind(listDueStepsFor),
  }
}

export type CasesService = ReturnType<typeof createCasesService>
