import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/**
 * Surveys are headquarters' work (docs/domain.md: 本市担当課 — statistics, resources, surveys).
 * Their answers are anonymous but free texts may still say who wrote them, so reading results is
 * headquarters' too; the wards see the evaluation's figures through the report.
 */
export function requireSurveyManager(actor: Actor): void {
  if (actor.role !== 'headquarters') throw forbidden('アンケートの作成・集計は本市担当課が行います')
}
