// Threads for the staff side's tests, written straight into the tables as the resident's side
// stores them (its pages are another part of the product): a thread, its messages in order, and
// the flags (urgent, spam, claim, waiting) a test is about.
import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import type { Db } from '#server/db/client.ts'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { hashPassword } from '#server/platform/crypto.ts'
import type { Session } from '#server/test/harness.ts'

let passphraseHash: Promise<string> | undefined

export interface ThreadSpec {
  senderRole?: 'self' | 'family' | 'other'
  subjectAgeBand?: string | null
  nickname?: string | null
  noticeAddress?: string | null
  acceptsCall?: boolean
  phone?: string | null
  urgent?: boolean
  spam?: boolean
  status?: 'open' | 'closed'
  claimedBy?: string | null
  /** The resident's messages, oldest first; the last one waits for a reply unless `answered`. */
  messages?: { body: string; at: Date; urgent?: boolean }[]
  answered?: boolean
}

/** A resident's thread as the public side would store it; returns its id and 受付番号. */
export async function insertThread(db: Db, tenantId: string, spec: ThreadSpec = {}) {
  passphraseHash ??= hashPassword('そらとうみとやま')
  const messages = spec.messages ?? [
    { body: '息子が部屋から出てきません。相談できますか。', at: new Date('2026-11-23T03:00:00Z') },
  ]
  const first = messages[0]!.at
  const last = messages.at(-1)!.at
  const code = `W${randomBytes(4).toString('hex').toUpperCase()}`
  const [thread] = await db
    .insert(inquiryThreads)
    .values({
      tenantId,
      code,
      passphraseHash: await passphraseHash,
      senderRole: spec.senderRole ?? 'family',
      subjectAgeBand: spec.subjectAgeBand === undefined ? '40plus' : spec.subjectAgeBand,
      nickname: spec.nickname === undefined ? 'さくら' : spec.nickname,
      noticeAddress: spec.noticeAddress ?? null,
      acceptsCall: spec.acceptsCall ?? false,
      phone: spec.phone ?? null,
      lang: 'ja',
      status: spec.status ?? 'open',
      urgent: spec.urgent ?? false,
      spam: spec.spam ?? false,
      claimedBy: spec.claimedBy ?? null,
      claimedAt: spec.claimedBy ? last : null,
      awaitingSince: spec.answered ? null : last,
      lastMessageAt: last,
      createdAt: first,
      closedAt: spec.status === 'closed' ? last : null,
    })
    .returning({ id: inquiryThreads.id })
  await db.insert(inquiryMessages).values(
    messages.map((m) => ({
      tenantId,
      threadId: thread!.id,
      author: 'resident',
      body: m.body,
      urgent: m.urgent ?? false,
      createdAt: m.at,
    })),
  )
  return { id: thread!.id, code }
}

/** A resident writing again to a thread, as the public side stores it. */
export async function insertResidentMessage(
  db: Db,
  tenantId: string,
  threadId: string,
  body: string,
  at: Date,
) {
  const [row] = await db
    .insert(inquiryMessages)
    .values({ tenantId, threadId, author: 'resident', body, createdAt: at })
    .returning({ id: inquiryMessages.id })
  return row!.id
}

export async function reply(s: Session, threadId: string, payload: Record<string, unknown> = {}) {
  const res = await s.post(`/api/inquiries/${threadId}/replies`, {
    body: 'ご連絡ありがとうございます。相談窓口の相談員です。',
    minutes: 20,
    ...payload,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { messages: { author: string; counted: boolean }[]; [k: string]: unknown }
}
