import pg from 'pg'
import {
  currentReportSettings,
  currentTenantScope,
  KEEP_TENANT,
  RESET_REPORT_SETTINGS,
  reportSettingsSql,
} from './tenant-scope.ts'

/** The city a pooled connection's `yorisoi.tenant` was last set to (one round trip saved when it stays). */
const settingOf = new WeakMap<pg.PoolClient, string>()
/** The connections set for a report (withReportSettings), until they are reset. */
const setForReport = new WeakSet<pg.PoolClient>()

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  // biome-ignore lint/suspicious/noExplicitAny: pg's own signature
  done: (release?: any) => void,
) => void

/**
 * node-postgres's pool, but every connection it hands out — to a single query (`pool.query`
 * connects too) or to a transaction (Drizzle's `transaction` calls `connect`) — is first set to
 * the city of the code that asked for it (tenant-scope.ts), so row-level security filters by
 * it. The scope is read when `connect` is called, in the caller's context: a connection handed
 * over later by another request's release still gets the asker's city. A session-level
 * `set_config` rather than SET LOCAL, so that single queries outside a transaction are covered
 * too; it is reset on every checkout whose city differs, so no city outlives its work.
 */
export class TenantPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (promise and callback forms)
  override connect(callback?: ConnectCallback): any {
    const tenant = currentTenantScope()
    const forReport = currentReportSettings()
    const ready = (super.connect() as Promise<pg.PoolClient>).then(async (client) => {
      if (tenant === KEEP_TENANT) return client
      const settingsChange = forReport !== setForReport.has(client)
      if (settingOf.get(client) === tenant && !settingsChange) return client
      try {
        if (settingOf.get(client) !== tenant) {
          await client.query("SELECT set_config('yorisoi.tenant', $1, false)", [tenant])
        }
        // Back to the server's own setting for work other than the report's.
        if (settingsChange)
          for (const statement of forReport ? reportSettingsSql() : RESET_REPORT_SETTINGS)
            await client.query(statement)
      } catch (error) {
        // A connection whose city is unknown is not handed out, nor kept.
        client.release(error as Error)
        throw error
      }
      settingOf.set(client, tenant)
      if (forReport) setForReport.add(client)
      else setForReport.delete(client)
      return client
    })
    if (!callback) return ready
    ready.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error)),
      (error: Error) => callback(error, undefined, () => {}),
    )
  }
}
