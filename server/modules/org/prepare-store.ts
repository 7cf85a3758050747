import type { Db } from '#server/db/client.ts'
import type { Clock } from '#server/platform/clock.ts'
import type { Config } from '#server/platform/config.ts'
import { ensureCity, FIRST_ADMIN_LINK_HOURS, issueFirstAdminLink } from './city-setup.ts'

/**
 * What every start does after migrating: make sure the configured city exists (the reference
 * city's wards and units on a new store) and, while it has no administrator, print a fresh
 * one-time link to create one.
 */
export async function prepareStore(
  db: Db,
  config: Pick<Config, 'defaultCity' | 'publicUrl'>,
  clock: Clock,
  print: (line: string) => void,
): Promise<void> {
  const created = await ensureCity(db, {
    id: config.defaultCity,
    name: process.env.YORISOI_CITY_NAME || '京都市',
  })
  if (created) print(`New store: created city "${config.defaultCity}" with its 14 wards and ward centres.`)
  const token = await issueFirstAdminLink(db, config.defaultCity, clock.now())
  if (token) {
    print('')
    print('最初の管理者アカウントを作成してください / Create the first administrator:')
    print(`  ${config.publicUrl}/setup#token=${token}`)
    print(
      `  (one-time link, valid for ${FIRST_ADMIN_LINK_HOURS} hours; a new one is printed at each start until it is used)`,
    )
    print('')
  }
}
