import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '#server/platform/deps.ts'
import { registerInterchangeRoutes } from './interchange.routes.ts'

// The operator's commands, and the importer and export rows other modules' tests check against.
export { exportRows } from './export-rows.ts'
export { importLedger } from './import-ledger.ts'
export { runExport, runImport } from './interchange.cli.ts'

/** Ledger import and export (docs/ledger-format.md) and the baseline figures. */
export function interchangeModule(app: FastifyInstance, deps: AppDeps) {
  registerInterchangeRoutes(app, deps)
}
export { requireLedgerRole } from './baselines.service.ts'
// The ledger's xlsx reader for other small workbooks (the organisation sheet).
export { readWorkbook, type WorkbookSheet, WorkbookUnreadable } from './read/read-workbook.ts'
