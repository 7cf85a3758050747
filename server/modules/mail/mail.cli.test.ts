import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '#server/db/open-store.ts'
import { mailOutbox } from '#server/db/schema/index.ts'
import { enqueueMail } from '#server/platform/mail-outbox.ts'
import { runCommand } from '#server/test/run-command.ts'
import { runMail } from './mail.cli.ts'
import { startTestRelay } from './mail.fixtures.ts'

/** Runs the command in this process (server/test/run-command.ts). */
const run = (args: string[], env: Record<string, string>) => runCommand(runMail, args, env)

describe('npm run yorisoi -- mail send-due', () => {
  it('sends the due mail of every city once and prints counts, no address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-mail-'))
    const relay = await startTestRelay()
    try {
      const store = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      for (const tenantId of ['kyoto', 'osaka']) {
        await enqueueMail(store.db, {
          tenantId,
          kind: 'staff_new_inquiry',
          toAddress: `staff@${tenantId}.example.test`,
          threadId: null,
          now: new Date(),
        })
      }
      await store.close()

      const env = {
        YORISOI_DATA_DIR: dir,
        DATABASE_URL: '',
        YORISOI_SMTP_URL: relay.url,
        YORISOI_MAIL_FROM: 'soudan@city.example.lg.jp',
      }
      const result = await run(['send-due'], env)
      expect(result.code).toBe(0)
      expect(result.output).toContain('送信 sent 2, 再試行待ち retrying 0, 送信失敗 failed 0')
      expect(result.output).not.toContain('@')
      expect(relay.received.map((m) => m.to[0]).sort()).toEqual([
        'staff@kyoto.example.test',
        'staff@osaka.example.test',
      ])

      const again = await run(['send-due'], env)
      expect(again.output).toContain('送信 sent 0')
      expect(relay.received).toHaveLength(2)

      const check = await openStore({ databaseUrl: undefined, databaseMigrationUrl: undefined, dataDir: dir })
      try {
        const rows = await check.db.select().from(mailOutbox)
        expect(rows.map((r) => r.status)).toEqual(['sent', 'sent'])
      } finally {
        await check.close()
      }
    } finally {
      await relay.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('sends nothing without YORISOI_SMTP_URL (exit 1), and names its usage (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-mail-'))
    try {
      const env = { YORISOI_DATA_DIR: dir, DATABASE_URL: '', YORISOI_SMTP_URL: '' }
      const none = await run(['send-due'], env)
      expect(none.code).toBe(1)
      expect(none.output).toContain('YORISOI_SMTP_URL が設定されていない')
      const usage = await run(['send'], env)
      expect(usage.code).toBe(2)
      expect(usage.output).toContain('mail send-due')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
