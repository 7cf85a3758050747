import type { Actor } from '#server/platform/actor.ts'
import { forbidden } from '#server/platform/errors.ts'

/** Accounts, units and settings are the administrator's (docs/domain.md: システム管理者). */
export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden()
}
