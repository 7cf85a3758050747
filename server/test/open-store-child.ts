// A process for store-lock.test.ts: it loads everything first, says "ready", and on each "go"
// line from stdin tries to open the data folder in argv[2] as the server would. It answers
// "open" and keeps the store (until it is killed), or "refused" and waits for the next "go".
import { createInterface } from 'node:readline'
import { openDatabase } from '#server/db/client.ts'

const dataDir = process.argv[2]!
let holding = false
const lines = createInterface({ input: process.stdin })
lines.on('line', async (line) => {
  if (line !== 'go' || holding) return
  try {
    const handle = await openDatabase({ dataDir })
    holding = true
    await handle.db.execute('select 1')
    console.log('open')
  } catch (error) {
    console.log((error as Error).name === 'StoreInUseError' ? 'refused' : `error ${(error as Error).message}`)
  }
})
console.log('ready')
