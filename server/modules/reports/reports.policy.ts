import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/**
 * The report is aggregates only, yet it is the city's evaluation: headquarters (本市担当課), who
 * runs the PDCA check, and the administrator see it (docs/domain.md, "Who works with the records").
 */
const REPORT_ROLES = new Set(['headquarters', 'admin'])

export function requireReportViewer(actor: Actor): void {
  if (!REPORT_ROLES.has(actor.role)) throw forbidden()
}
