/**
 * The token of a one-time link, from the URL fragment (`/setup#token=…`). Browsers never send a
 * fragment to the server or in a Referer, so the token stays out of access logs; the page sends it
 * in a POST body instead.
 */
export function tokenFromHash(hash: string): string {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
  return token.trim()
}

/**
 * The city a one-time link belongs to: its token is `<city>.<random>` (the server's format), so
 * that the login page after setting a password signs in to that city. Undefined for anything else.
 */
export function cityOfToken(token: string): string | undefined {
  const dot = token.indexOf('.')
  return dot > 0 ? token.slice(0, dot) : undefined
}
