// For the mail tests: a real SMTP server (smtp-server) on a random local port that accepts,
// refuses or hangs as a test tells it, and a reader for the mails it received.
import { createServer, type Server } from 'node:net'
import { SMTPServer } from 'smtp-server'
import type { Db } from '#server/db/client.ts'
import { inquiryMessages, inquiryThreads } from '#server/db/schema/index.ts'
import { readMessage } from './read-message.ts'
import type { MailLog } from './send-due.ts'

export interface ReceivedMail {
  to: string[]
  subject: string
  text: string
  /** The message as it crossed the wire. */
  raw: string
}

export type RelayMode = 'accept' | 'refuse' | 'hang'

export interface TestRelay {
  url: string
  mode: RelayMode
  received: ReceivedMail[]
  close(): Promise<void>
}

export async function startTestRelay(mode: RelayMode = 'accept'): Promise<TestRelay> {
  const relay: TestRelay = { url: '', mode, received: [], close: async () => {} }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 50,
    onRcptTo(address, _session, callback) {
      if (relay.mode !== 'refuse') return callback()
      // Relays quote the recipient in their refusals; the outbox must not keep it.
      const error = Object.assign(new Error(`5.7.1 <${address.address}>: Relay access denied`), {
        responseCode: 554,
      })
      callback(error)
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        // A relay that takes the message and never answers: the client's socket timeout ends it.
        if (relay.mode === 'hang') return
        const raw = Buffer.concat(chunks).toString('utf8')
        relay.received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...readMessage(raw), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  relay.url = `smtp://127.0.0.1:${port}`
  relay.close = () => new Promise<void>((resolve) => server.close(() => resolve()))
  return relay
}

/** A server that accepts connections and never says a word (no SMTP greeting). */
export async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A log that keeps every line the mail code writes, as the server's JSON log would hold it. */
export function captureLog(): MailLog & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (detail, message) => lines.push(JSON.stringify({ level: 'info', ...detail, msg: message })),
    warn: (detail, message) => lines.push(JSON.stringify({ level: 'warn', ...detail, msg: message })),
  }
}

export interface ThreadFixture {
  tenantId: string
  code?: string
  lang?: string
  noticeAddress?: string | null
  nickname?: string | null
  awaitingSince?: Date | null
  now: Date
}

/** A resident's thread with its first message, as the public pages would have written it. */
export async function insertThread(db: Db, t: ThreadFixture & { body?: string }): Promise<string> {
  const [row] = await db
    .insert(inquiryThreads)
    .values({
      tenantId: t.tenantId,
      code: t.code ?? `C${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      passphraseHash: 'argon2id-not-used-here',
      senderRole: 'self',
      nickname: t.nickname ?? null,
      noticeAddress: t.noticeAddress ?? null,
      lang: t.lang ?? 'ja',
      awaitingSince: t.awaitingSince === undefined ? t.now : t.awaitingSince,
      lastMessageAt: t.now,
      createdAt: t.now,
    })
    .returning({ id: inquiryThreads.id })
  await db.insert(inquiryMessages).values({
    tenantId: t.tenantId,
    threadId: row!.id,
    author: 'resident',
    body: t.body ?? '相談の本文です',
    createdAt: t.now,
  })
  return row!.id
}
