import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'
import { findWard } from '#shared/codes.ts'

/**
 * The report is aggregates only, yet it is the city's evaluation: headquarters (本市担当課), who
 * runs the PDCA check, and the administrator see it for any ward or the whole city
 * (docs/domain.md, "Who works with the records").
 */
const CITY_REPORT_ROLES = new Set(['headquarters', 'admin'])

/**
 * A ward coordinator (寄り添い支援係長) runs their ward's meetings and network and checks their
 * ward's figures, so they see the report of their own ward and no other. Ward section staff do
 * not: they may see only the cases they lead or have a role in, and a ward's small counts could
 * point at cases outside that (domain.md, "Actors and what each may see").
 */
function isWardReader(actor: Actor): actor is Actor & { wardCode: string } {
  return actor.role === 'ward_coordinator' && actor.wardCode !== null
}

export function requireReportViewer(actor: Actor): void {
  if (!CITY_REPORT_ROLES.has(actor.role) && !isWardReader(actor)) throw forbidden()
}

/** Whether the actor may choose any ward or the whole city (else the report is fixed to one ward). */
export function seesEveryWardReport(actor: Actor): boolean {
  return CITY_REPORT_ROLES.has(actor.role)
}

/**
 * The ward the report is computed for, decided here and not by the query: a ward coordinator
 * always gets their own ward (asking for none gives it too, so an old link to the city report
 * still opens); naming any other ward is refused before anything is counted or audited.
 * Headquarters gets what it asked for (null: the whole city). A ward given by name (左京区) is
 * read as its code.
 */
export function reportWardOf(actor: Actor, asked: string | null | undefined): string | null {
  requireReportViewer(actor)
  const code = asked ? (findWard(asked) ?? asked) : null
  if (isWardReader(actor)) {
    if (code !== null && code !== actor.wardCode) {
      throw forbidden('評価レポートは自分の区のものを表示できます')
    }
    return actor.wardCode
  }
  return code
}
