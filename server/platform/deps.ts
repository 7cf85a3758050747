import type { Db } from '#server/db/client.ts'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'

/** What every module is built from: side effects come in here, never from globals. */
export interface AppDeps {
  db: Db
  clock: Clock
  config: Pick<
    Config,
    | 'idleMinutes'
    | 'defaultCity'
    | 'loginRateLimit'
    | 'loginAddressRateLimit'
    | 'sessionSecret'
    | 'twoFactorKey'
    | 'trustProxy'
    | 'publicUrl'
  > &
    Partial<Pick<Config, 'importMaxRows' | 'publicApiDocs' | 'publicSendLimit' | 'smtpUrl' | 'mailFrom'>>
}
