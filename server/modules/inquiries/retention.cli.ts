// `npm run yorisoi -- inquiries retention`: the retention the staff server runs every ten minutes
// (retention-schedule.ts), on demand, for every city of the store `npm start` uses. For an
// operator who wants it at a fixed time or after changing the settings. Audited as `cli`.
import { openStore } from '#server/db/open-store.ts'
import { systemClock } from '#server/platform/clock.ts'
import { loadConfig } from '#server/platform/config.ts'
import { runInquiryRetention } from './retention.ts'

const USAGE = 'inquiries retention'

export async function runInquiries(args: string[]): Promise<void> {
  if (args[0] !== 'retention' || args.length !== 1) {
    console.error('inquiries retention の形で指定してください / expected: inquiries retention')
    console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
    process.exitCode = 2
    return
  }
  const handle = await openStore(loadConfig(), console.error)
  try {
    const r = await runInquiryRetention(handle.db, systemClock, 'cli')
    console.log(
      `ウェブ相談の保存期間を適用しました（${r.cities}市） / inquiry retention applied to ${r.cities} cities:`,
    )
    console.log(`  終了したスレッド / threads closed: ${r.closed}`)
    console.log(`  本文を削除したスレッド / threads whose text was removed: ${r.textRemoved}`)
    console.log(`  削除した本文 / message bodies removed: ${r.messagesCleared}`)
  } finally {
    await handle.close()
  }
}
