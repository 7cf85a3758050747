import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import type { Config } from '#server/platform/config.ts'
import { createCity, FIRST_ADMIN_LINK_HOURS, issueFirstAdminLink } from './city-setup.ts'

/**
 * What every start does after migrating: make sure the configured city exists (on a new store
 * with its headquarters only: the first administrator chooses in the setup page whether to start
 * from the reference city's organisation or an empty one) and, while it has no administrator,
 * print a fresh one-time link to create one.
 */
export async function prepareStore(
  db: Db,
  config: Pick<Config, 'defaultCity' | 'publicUrl'>,
  clock: Clock,
  print: (line: string) => void,
): Promise<void> {
  const created = await createCity(
    db,
    { id: config.defaultCity, name: process.env.YORISOI_CITY_NAME || '京都市' },
    'empty',
  )
  if (created) print(`New store: created city "${config.defaultCity}"; its organisation is chosen at setup.`)
  printFirstAdminLink(await issueFirstAdminLink(db, config.defaultCity, clock.now()), config.publicUrl, print)
}

/** The first administrator's link as the start and `city create` print it. */
export function printFirstAdminLink(token: string | null, publicUrl: string, print: (line: string) => void) {
  if (token) {
    print('')
    print('最初の管理者アカウントを作成してください / Create the first administrator:')
    print(`  ${publicUrl}/setup#token=${token}`)
    print(
      `  (one-time link, valid for ${FIRST_ADMIN_LINK_HOURS} hours; a new one is printed at each start until it is used)`,
    )
    print('')
  }
}
