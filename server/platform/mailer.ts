// The one way mail leaves the application: an SMTP relay (nodemailer) named by YORISOI_SMTP_URL.
// Only the outbox worker (modules/mail) calls it, never a request: a slow or refusing relay then
// delays a notice, never a reply (see mail-outbox.ts).
import { createTransport } from 'nodemailer'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  /** Resolves once the relay accepted the mail; rejects with the relay's (or the socket's) error. */
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** How long one delivery may take at each step; short enough that a hung relay holds nothing up long. */
export interface MailerTimeouts {
  /** Connecting (DNS and TCP/TLS). */
  connectionMs: number
  /** The relay's greeting after connecting. */
  greetingMs: number
  /** Silence on an open connection (e.g. a relay that takes the data and never answers). */
  socketMs: number
}

export const DEFAULT_MAILER_TIMEOUTS: MailerTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 30_000,
}

export function createMailer(
  settings: { smtpUrl: string; mailFrom: string },
  timeouts: MailerTimeouts = DEFAULT_MAILER_TIMEOUTS,
): Mailer {
  const transport = createTransport({
    url: settings.smtpUrl,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    // nodemailer logs nothing unless asked; it must stay so, as its log lines carry addresses.
    logger: false,
    debug: false,
  })
  return {
    async send(mail) {
      await transport.sendMail({
        from: settings.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      })
    },
    close() {
      transport.close()
    },
  }
}

const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g
const URL_WITH_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/@]+@\S+/gi

/**
 * A relay's error as staff may read it and the log may keep it: the SMTP code and reply without
 * any mail address (relays quote the recipient: "550 5.1.1 <a@b>: user unknown") or credentials.
 */
export function describeMailError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown }
  const reply = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : ''
  const parts = [typeof e.code === 'string' ? e.code : null, reply || 'unknown error']
  const text = parts
    .filter(Boolean)
    .join(': ')
    .replace(URL_WITH_CREDENTIALS, '[url]')
    .replace(ADDRESS, '[address]')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}
