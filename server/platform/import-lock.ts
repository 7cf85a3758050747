// While a city's ledger is imported, nobody else may change that city's records: the import has
// checked the ledger against what was stored when it began, and a change in between would be
// overwritten or collide with it. On the embedded store the import's rows are moved in many
// short transactions (server/db/undo-log.ts), so while they are moved the city is half imported:
// then even reading is refused, and users see the city before the import or after it, never in
// between. One process holds the lock (the embedded store is one process; on PostgreSQL the
// import is one transaction and readers see it whole anyway, so only writes are refused there).
import { AppError } from './errors.ts'

/** checking: the ledger is read, checked and staged; moving: its rows are being written. */
export type ImportPhase = 'checking' | 'moving'

const phases = new Map<string, ImportPhase>()

export const IMPORT_CHECKING =
  'この自治体の台帳を取り込んでいるため、いまは登録・変更できません。取込が終わってからもう一度お試しください。'
export const IMPORT_MOVING =
  'この自治体の台帳の取込を反映しています。しばらくしてからもう一度お試しください。'

export interface ImportLock {
  /** The rows are being moved into the city's tables: reads are refused too. */
  moving(): void
  release(): void
}

/** Takes the city's import lock; a second import of the same city at the same time is refused. */
export function lockForImport(tenantId: string): ImportLock {
  if (phases.has(tenantId)) throw new AppError('conflict', IMPORT_CHECKING)
  phases.set(tenantId, 'checking')
  return {
    moving: () => phases.set(tenantId, 'moving'),
    release: () => phases.delete(tenantId),
  }
}

/** The city's import phase, if its ledger is being imported. */
export const importPhase = (tenantId: string): ImportPhase | undefined => phases.get(tenantId)

/** Refuses a signed-in request of a city being imported: any write, and any request while its rows are moved. */
export function refuseDuringImport(tenantId: string, method: string): void {
  const phase = phases.get(tenantId)
  if (!phase) return
  if (phase === 'moving') throw new AppError('conflict', IMPORT_MOVING)
  if (method !== 'GET' && method !== 'HEAD') throw new AppError('conflict', IMPORT_CHECKING)
}
