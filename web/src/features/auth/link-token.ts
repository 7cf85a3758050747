/**
 * The token of a one-time link, from the URL fragment (`/setup#token=…`). Browsers never send a
 * fragment to the server or in a Referer, so the token stays out of access logs; the page sends it
 * in a POST body instead.
 */
export function tokenFromHash(hash: string): string {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? ''
  return token.trim()
}
