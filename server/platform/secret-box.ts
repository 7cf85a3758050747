// Encryption at rest for small secrets the server must read back (the accounts' TOTP seeds):
// AES-256-GCM with a fresh nonce per value. The associated data binds a sealed value to its row
// (city and account), so a sealed secret copied onto another account does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const VERSION = 'v1'

/** The 256-bit key from the configured key text (YORISOI_TWO_FACTOR_KEY or its file). */
export function secretBoxKey(keyText: string): Buffer {
  if (keyText.length < 32) throw new Error('the two-factor key must be at least 32 characters')
  return createHash('sha256').update(`yorisoi-secret-box:${keyText}`).digest()
}

export function sealSecret(key: Buffer, plain: string, boundTo: string): string {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, nonce)
  cipher.setAAD(Buffer.from(boundTo, 'utf8'))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [VERSION, nonce, body, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

/** The plain secret; throws when the value was changed, moved or sealed with another key. */
export function openSecret(key: Buffer, sealed: string, boundTo: string): string {
  const [version, nonce, body, tag] = sealed.split('.')
  if (version !== VERSION || !nonce || body === undefined || !tag) throw new Error('unreadable sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'))
  decipher.setAAD(Buffer.from(boundTo, 'utf8'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
