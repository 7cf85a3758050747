// Tokens of one-time links that a worker must be able to write again later (a survey link in a
// queued mail) without the token ever being stored: derived from the record's id with a key of
// the server's own (from the session secret, per purpose), and stored only as a SHA-256. The
// database alone gives neither the tokens nor a way to make them.
import { createHmac } from 'node:crypto'
import { sha256 } from './crypto.ts'

export type LinkPurpose = 'survey-invitation'

function keyOf(secret: string, purpose: LinkPurpose): Buffer {
  return createHmac('sha256', secret).update(`yorisoi link key:${purpose}`).digest()
}

/** 43 URL-safe characters (256 bits), the same for the same city, record and secret. */
export function deriveLinkToken(secret: string, purpose: LinkPurpose, tenantId: string, id: string): string {
  return createHmac('sha256', keyOf(secret, purpose)).update(`${tenantId}\n${id}`).digest('base64url')
}

export const linkTokenHash = sha256
