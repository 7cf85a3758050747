import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The resident's way into their thread after giving code and passphrase: no account, no stored
 * session, but a cookie holding the city, the thread and an expiry, signed with a key derived
 * from the server's session secret. It lives `THREAD_MINUTES` after the last page seen (each
 * page renews it), so a phone left on a table does not keep the thread open for long.
 * `code` and `urgent` let the page after sending show the code and the crisis lines.
 */
export const THREAD_MINUTES = 30
export const THREAD_COOKIE = 'yorisoi_soudan'

export interface ThreadPass {
  city: string
  threadId: string
  code: string
  urgent: boolean
  /** Epoch ms after which the pass is worthless. */
  expires: number
}

export function threadTokens(secret: string) {
  const key = createHmac('sha256', secret).update('yorisoi public thread pass').digest()
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url')

  return {
    sign(pass: ThreadPass): string {
      const payload = Buffer.from(JSON.stringify(pass)).toString('base64url')
      return `${payload}.${mac(payload)}`
    },
    /** The pass, when the token is ours, for this city, and not expired; else null. */
    verify(token: string | undefined, city: string, now: number): ThreadPass | null {
      if (!token) return null
      const [payload, signature, ...rest] = token.split('.')
      if (!payload || !signature || rest.length) return null
      const expected = Buffer.from(mac(payload))
      const given = Buffer.from(signature)
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
      try {
        const pass = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ThreadPass
        if (pass.city !== city || typeof pass.expires !== 'number' || pass.expires <= now) return null
        return pass
      } catch {
        return null
      }
    },
  }
}
