// `npm run yorisoi -- city create ID --name 名称 [--from-reference]`: another city in the same
// deployment, with an empty organisation (its headquarters only) or the reference city's, and
// its first administrator's one-time link, printed as at the first start.
import { openStore } from '#server/db/open-store.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'
import { textInput } from '#shared/contracts/common.ts'
import { createCity, issueFirstAdminLink } from './city-setup.ts'
import { printFirstAdminLink } from './prepare-store.ts'

const USAGE = 'city create ID --name 名称 [--from-reference]'
/** A city's id is part of every login and link token (`id.token`): short, lower-case ASCII. */
const CITY_ID = /^[a-z][a-z0-9-]{1,29}$/u

function fail(message: string): void {
  console.error(message)
  console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
  process.exitCode = 2
}

export async function runCity(args: string[]): Promise<void> {
  const [sub, id, ...rest] = args
  if (sub !== 'create' || !id) return fail('city create の後に市のIDを指定してください / give the city id')
  if (!CITY_ID.test(id)) return fail('市のIDは半角英小文字で始まる2〜30文字の英小文字・数字・ハイフンです')
  let name: string | undefined
  let fromReference = false
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--from-reference') fromReference = true
    else if (rest[i] === '--name' && rest[i + 1] !== undefined) name = rest[++i]
    else return fail(`不明な引数です / unknown argument: ${rest[i]}`)
  }
  const checked = textInput()
    .trim()
    .min(1)
    .max(100)
    .safeParse(name ?? '')
  if (!checked.success) return fail('--name で市の名称（100文字以内）を指定してください')

  const config = loadConfig()
  const handle = await openStore(config, console.error)
  try {
    const created = await createCity(
      handle.db,
      { id, name: checked.data },
      fromReference ? 'reference' : 'empty',
    )
    if (!created) return fail(`市「${id}」は既にあります / city "${id}" already exists`)
    console.log(
      `作成しました / created city "${id}" (${fromReference ? "the reference city's organisation" : 'an empty organisation'})`,
    )
    printFirstAdminLink(
      await issueFirstAdminLink(handle.db, id, systemClock.now()),
      config.publicUrl,
      console.log,
    )
  } finally {
    await handle.close()
  }
}
