// `npm run yorisoi -- audit verify [--city ID] [--max-delay-minutes N] [--anchor CITY:SEQ:HASH]…`:
// walks every city's audit hash chain on the store `npm start` uses and names the first broken
// link by number and row id (never a row's content). It prints each chain's head; kept elsewhere
// and passed back as --anchor, a head shows a chain recomputed by whoever owns the tables.
// Exit code 0 when every chain holds, 1 when one does not, 2 on usage.
import { openStore } from '#server/db/open-store.ts'
import { loadConfig } from '#server/platform/config.ts'
import { type Anchor, type ChainFault, verifyAuditChain } from './verify-chain.ts'

const ANCHOR = /^([^:\s]+):(\d+):([0-9a-f]{64})$/
const USAGE = 'audit verify [--city ID] [--max-delay-minutes N] [--anchor CITY:SEQ:HASH]…'

const FAULTS: Record<ChainFault, string> = {
  changed: '記録が変更されています / the row or its link was changed',
  removed: '記録が削除されています / the row was removed',
  link_missing: '連鎖の環が欠けています / a link of the chain was removed',
  link_forged: '連鎖の環が前の環に続いていません / a link was inserted or replaced',
  unchained: '連鎖に含まれない記録があります / a row was inserted outside the chain',
  backdated: '記録の日時が記録された時刻より前です / the row claims a time before it was written',
  rewritten: '控えておいた連鎖の値と一致しません / the chain differs from an anchor kept earlier',
}

function usage(message: string): void {
  console.error(message)
  console.error(`使い方 / Usage: npm run yorisoi -- ${USAGE}`)
  process.exitCode = 2
}

export async function runAudit(args: string[]): Promise<void> {
  const [sub, ...rest] = args
  if (sub !== 'verify') return usage(`不明なサブコマンドです / unknown subcommand: ${sub ?? ''}`)
  let tenantId: string | undefined
  let maxDelayMinutes: number | undefined
  const anchors: Anchor[] = []
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!
    const value = rest[++i]
    if (flag === '--city' && value) tenantId = value
    else if (flag === '--max-delay-minutes' && value && /^\d+$/.test(value)) maxDelayMinutes = Number(value)
    else if (flag === '--anchor' && value && ANCHOR.test(value)) {
      const [, city, seq, hash] = ANCHOR.exec(value)!
      anchors.push({ tenantId: city!, seq: Number(seq), hash: hash! })
    } else return usage(`不明な引数です / unknown argument: ${flag}`)
  }
  const handle = await openStore(loadConfig(), console.error)
  try {
    const reports = await verifyAuditChain(handle.db, { tenantId, maxDelayMinutes, anchors })
    let broken = 0
    for (const r of reports) {
      const head = r.head ? `; head --anchor ${r.tenantId}:${r.head.seq}:${r.head.hash}` : ''
      if (!r.finding) {
        console.log(`OK  ${r.tenantId}: ${r.links} 件の連鎖を確認 / ${r.links} links verified${head}`)
        continue
      }
      broken += 1
      const where = [
        r.finding.seq === null ? null : `seq ${r.finding.seq}`,
        r.finding.auditId === null ? null : `audit id ${r.finding.auditId}`,
      ].filter(Boolean)
      console.log(`NG  ${r.tenantId}: ${where.join(', ')}: ${FAULTS[r.finding.fault]}`)
    }
    if (reports.length === 0) console.log('監査ログはまだありません / the audit log is empty')
    if (broken > 0) {
      console.log(`改ざんの疑い: ${broken} 市 / ${broken} broken chain(s)`)
      process.exitCode = 1
    }
  } finally {
    await handle.close()
  }
}
