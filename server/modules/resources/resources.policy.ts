import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/**
 * The directory of community resources holds no personal data: every staff role may read it.
 * Headquarters maintains it (docs/domain.md: 本市担当課 — resources, subsidies); headquarters and
 * administrators also see the resources taken out of it and the referral counts in lists.
 */
export function maintainsDirectory(actor: Actor): boolean {
  return actor.role === 'headquarters'
}

export function requireDirectoryMaintainer(actor: Actor): void {
  if (!maintainsDirectory(actor)) throw forbidden('社会資源の登録・変更は本市担当課が行います')
}

export function seesWholeDirectory(actor: Actor): boolean {
  return actor.role === 'headquarters' || actor.role === 'admin'
}
